package dev.gwellbridge.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegShrinkerTest {

    @Test
    void bigJpegIsScaledUnderTheCapAndStillDecodes() throws IOException {
        byte[] big = noisyJpeg(1280, 720);
        assertThat(big.length).isGreaterThan(CameraStateMapper.SNAPSHOT_CAP_BYTES);

        byte[] fitted =
                JpegShrinker.fit(big, CameraStateMapper.SNAPSHOT_CAP_BYTES).orElseThrow();

        assertThat(fitted.length).isLessThanOrEqualTo(CameraStateMapper.SNAPSHOT_CAP_BYTES);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(fitted));
        assertThat(back).isNotNull();
        assertThat(back.getWidth()).isLessThan(1280).isGreaterThan(100);
        assertThat((double) back.getWidth() / back.getHeight())
                .isCloseTo(1280.0 / 720, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void smallJpegIsReturnedUntouched() throws IOException {
        byte[] small = noisyJpeg(64, 48);

        assertThat(JpegShrinker.fit(small, CameraStateMapper.SNAPSHOT_CAP_BYTES))
                .containsSame(small);
    }

    @Test
    void bytesThatAreNoImageGiveNothing() {
        assertThat(JpegShrinker.fit(new byte[300_000], CameraStateMapper.SNAPSHOT_CAP_BYTES))
                .isEmpty();
    }

    /** Seeded noise compresses badly, so a 720p frame lands well above the cap. */
    private static byte[] noisyJpeg(int w, int h) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.setUseCache(false);
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }
}
