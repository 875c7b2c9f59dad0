package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.h264.H264Fixtures;
import dev.gwellbridge.h264.NalUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting an Annex B stream into the pictures a camera paces. */
class VideoSourceTest {

    @Test
    void splitsPicturesAndTakesTheRateFromTheSps() {
        VideoSource s = SimHarness.fixtureSource();
        assertThat(s.pictureCount()).isEqualTo(10);
        assertThat(s.frameRate()).isEqualTo(new FrameRate(20, 1));
        byte[] first = s.pictureCopy(0);
        assertThat(first).startsWith(0, 0, 0, 1, 0x67);
        int sum = 0;
        for (int i = 0; i < s.pictureCount(); i++) {
            sum += s.pictureCopy(i).length;
        }
        assertThat(s.size()).isEqualTo(sum).isEqualTo(s.bytes().length);
    }

    @Test
    void usesTheFallbackRateWithoutTimingInformation() {
        byte[] annexB = H264Fixtures.annexB(List.of(
                H264Fixtures.SPS_720P_NO_VUI, H264Fixtures.PPS, H264Fixtures.idrSlice(100), H264Fixtures.pSlice(50)));
        VideoSource s = VideoSource.fromAnnexB(annexB, new FrameRate(12, 1));
        assertThat(s.frameRate()).isEqualTo(new FrameRate(12, 1));
        assertThat(s.pictureCount()).isEqualTo(2);
    }

    @Test
    void normalisesStartCodesToFourBytes() {
        List<NalUnit> nals = List.of(H264Fixtures.SPS_640X360_20, H264Fixtures.PPS, H264Fixtures.idrSlice(10));
        VideoSource s = VideoSource.fromAnnexB(H264Fixtures.annexB(nals), FrameRate.FALLBACK);
        assertThat(s.bytes()).hasSize(3 * 4 + 25 + 4 + 12);
    }

    @Test
    void refusesAStreamWithoutPictures() {
        assertThatThrownBy(() -> VideoSource.fromAnnexB(new byte[] {1, 2, 3, 4}, FrameRate.FALLBACK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no H.264 picture");
    }
}
