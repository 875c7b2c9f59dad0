package dev.gwellbridge.h264;

import static dev.gwellbridge.h264.H264Fixtures.SPS_1080P_HIGH_2997;
import static dev.gwellbridge.h264.H264Fixtures.SPS_640X360_20;
import static dev.gwellbridge.h264.H264Fixtures.SPS_720P_NO_VUI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SpsParserTest {

    @Test
    void readsSizeAndRateOfTheBaselineTestStream() throws Exception {
        Sps sps = SpsParser.parse(SPS_640X360_20);

        assertThat(sps).isEqualTo(new Sps(66, 22, 640, 360, Optional.of(new FrameRate(20, 1))));
    }

    @Test
    void readsAHighProfileSpsWithCroppingAndNtscRate() throws Exception {
        Sps sps = SpsParser.parse(SPS_1080P_HIGH_2997);

        assertThat(sps.profileIdc()).isEqualTo(100);
        assertThat(sps.levelIdc()).isEqualTo(40);
        assertThat(sps.width()).isEqualTo(1920);
        assertThat(sps.height()).isEqualTo(1080);
        assertThat(sps.frameRate()).contains(new FrameRate(30000, 1001));
        assertThat(sps.frameRate().orElseThrow().toArgument()).isEqualTo("30000/1001");
    }

    @Test
    void reportsNoRateWithoutVui() throws Exception {
        Sps sps = SpsParser.parse(SPS_720P_NO_VUI);

        assertThat(sps).isEqualTo(new Sps(66, 31, 1280, 720, Optional.empty()));
    }

    @Test
    void rejectsATruncatedSps() {
        byte[] whole = SPS_640X360_20.toByteArray();
        for (int len = 1; len < 9; len++) {
            NalUnit cut = NalUnit.of(Arrays.copyOf(whole, len));
            assertThatThrownBy(() -> SpsParser.parse(cut))
                    .as("length %d", len)
                    .isInstanceOf(MalformedNalException.class)
                    .hasMessageStartingWith("h264:");
        }
    }

    @Test
    void rejectsOtherUnitTypes() {
        assertThatThrownBy(() -> SpsParser.parse(H264Fixtures.PPS))
                .isInstanceOf(MalformedNalException.class)
                .hasMessage("h264: not an SPS (type 8)");
    }

    @Test
    void ignoresImplausibleTiming() throws Exception {
        // Same fields as the baseline fixture, VUI timing 1 / 1000 → 500 fps.
        NalUnit sps = new SpsWriter(66, 30, 40, 23, 0, 4).timing(1, 1000).toNal();

        assertThat(SpsParser.parse(sps).frameRate()).isEmpty();
    }

    @Property(tries = 300)
    void readsBackWhatWasWritten(
            @ForAll @IntRange(min = 1, max = 120) int widthMbs,
            @ForAll @IntRange(min = 1, max = 68) int heightMbs,
            @ForAll @IntRange(min = 0, max = 7) int cropRight,
            @ForAll @IntRange(min = 0, max = 7) int cropBottom,
            @ForAll @IntRange(min = 1, max = 60) int fps,
            @ForAll boolean high,
            @ForAll boolean withTiming)
            throws Exception {
        SpsWriter w = new SpsWriter(high ? 100 : 66, 40, widthMbs, heightMbs, cropRight, cropBottom);
        if (withTiming) {
            w.timing(1001, 2L * 1001 * fps);
        }

        Sps sps = SpsParser.parse(w.toNal());

        assertThat(sps.width()).isEqualTo(16 * widthMbs - 2 * cropRight);
        assertThat(sps.height()).isEqualTo(16 * heightMbs - 2 * cropBottom);
        assertThat(sps.frameRate()).isEqualTo(withTiming ? Optional.of(FrameRate.ofFps(fps)) : Optional.empty());
    }
}
