package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The picture check on synthetic pictures (start code, then seeded random bytes free of start codes). */
class VideoCheckTest {
    private static final List<byte[]> PICTURES = pictures(12, new SplittableRandom(3));

    private static List<byte[]> pictures(int count, SplittableRandom random) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // One short picture, below the resync prefix length, must still be matched whole.
            int len = i == 5 ? 20 : 200 + random.nextInt(3000);
            byte[] p = new byte[len];
            p[3] = 1;
            for (int j = 4; j < len; j++) {
                p[j] = (byte) (1 + random.nextInt(255));
            }
            list.add(p);
        }
        return list;
    }

    /** Pictures {@code from} (inclusive) to {@code to} (exclusive), counting across loops. */
    private static ByteArrayOutputStream stream(long from, long to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long n = from; n < to; n++) {
            out.writeBytes(PICTURES.get((int) (n % PICTURES.size())));
        }
        return out;
    }

    /** Feeds {@code bytes} in seeded random chunks of 1..1500 bytes. */
    private static void feed(VideoCheck check, byte[] bytes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int off = 0;
        while (off < bytes.length) {
            int n = Math.min(bytes.length - off, 1 + r.nextInt(1500));
            byte[] chunk = new byte[n + 10];
            System.arraycopy(bytes, off, chunk, 5, n);
            check.feed(chunk, 5, n);
            off += n;
        }
    }

    @Test
    void anIntactLoopedStreamLosesNothing() {
        VideoCheck check = new VideoCheck(PICTURES);
        feed(check, stream(0, 30).toByteArray(), 1);
        assertThat(check.intact()).isEqualTo(30);
        assertThat(check.lost()).isZero();
    }

    @Test
    void aPartlyReceivedLastPictureIsNeitherIntactNorLost() {
        VideoCheck check = new VideoCheck(PICTURES);
        ByteArrayOutputStream s = stream(0, 3);
        s.write(PICTURES.get(3), 0, 100);
        feed(check, s.toByteArray(), 2);
        assertThat(check.intact()).isEqualTo(3);
        assertThat(check.lost()).isZero();
    }

    @Test
    void aDamagedPictureCountsAsLostAndTheCheckCarriesOn() {
        VideoCheck check = new VideoCheck(PICTURES);
        byte[] bytes = stream(0, 20).toByteArray();
        int inPictureFour = stream(0, 4).size() + 150;
        bytes[inPictureFour] ^= 0x55;
        feed(check, bytes, 3);
        assertThat(check.lost()).isEqualTo(1);
        assertThat(check.intact()).isEqualTo(19);
    }

    @Test
    void missingPicturesCountAsLostEvenAcrossTheLoop() {
        VideoCheck check = new VideoCheck(PICTURES);
        ByteArrayOutputStream s = stream(0, 10);
        // Pictures 10..13 never arrive (two of them after the loop point at 12).
        s.writeBytes(stream(14, 30).toByteArray());
        feed(check, s.toByteArray(), 4);
        assertThat(check.lost()).isEqualTo(4);
        assertThat(check.intact()).isEqualTo(26);
    }

    @Test
    void aPictureCutShortCountsOnce() {
        VideoCheck check = new VideoCheck(PICTURES);
        ByteArrayOutputStream s = stream(0, 2);
        s.write(PICTURES.get(2), 0, 150);
        s.writeBytes(stream(3, 8).toByteArray());
        feed(check, s.toByteArray(), 5);
        assertThat(check.lost()).isEqualTo(1);
        assertThat(check.intact()).isEqualTo(7);
    }

    @Test
    void aRestartedStreamBeginsAtTheFirstPictureAgain() {
        VideoCheck check = new VideoCheck(PICTURES);
        feed(check, stream(0, 7).toByteArray(), 6);
        check.restart();
        feed(check, stream(0, 5).toByteArray(), 7);
        assertThat(check.intact()).isEqualTo(12);
        assertThat(check.lost()).isZero();
    }

    @Test
    void garbageWithoutAnyPictureLosesOnlyThePictureItReplaced() {
        VideoCheck check = new VideoCheck(PICTURES);
        byte[] noise = new byte[5000];
        new SplittableRandom(9).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noise[i] == 0 ? 7 : noise[i];
        }
        ByteArrayOutputStream s = stream(0, 3);
        s.writeBytes(noise);
        s.writeBytes(stream(4, 9).toByteArray());
        feed(check, s.toByteArray(), 8);
        assertThat(check.lost()).isEqualTo(1);
        assertThat(check.intact()).isEqualTo(8);
    }
}
