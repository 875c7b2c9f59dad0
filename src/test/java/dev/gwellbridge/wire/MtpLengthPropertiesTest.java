package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The 11-bit MTP length field, checked at every total length 0..2047 (GWELL-PROTOCOL.md §8.1). */
class MtpLengthPropertiesTest {

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void lengthFieldHoldsEveryTotalLength(@ForAll @IntRange(min = 0, max = 2047) int total) throws FrameException {
        byte[] header = new byte[MtpFrame.STANDARD_HEADER];
        MtpFrameCodec.writeLengthField(header, 0, total);
        assertThat(header[2] & 0xF8).isZero();
        assertThat(MtpFrameCodec.lengthField(header, 0)).isEqualTo(total);

        if (total >= MtpFrame.STANDARD_HEADER) {
            MtpFrame frame = MtpFrame.standard(new byte[total - MtpFrame.STANDARD_HEADER], false, true);
            byte[] wire = MtpFrameCodec.encode(frame);
            assertThat(wire).hasSize(total);
            assertThat(MtpFrameCodec.lengthField(wire, 0)).isEqualTo(total);
            assertThat(MtpFrameCodec.decode(wire, 0, wire.length)).isEqualTo(frame);
        }
        if (total >= MtpFrame.EXTENDED_HEADER) {
            MtpFrame frame = MtpFrame.extended(new byte[total - MtpFrame.EXTENDED_HEADER], 0x000186D600139C81L, true);
            byte[] wire = MtpFrameCodec.encode(frame);
            assertThat(MtpFrameCodec.lengthField(wire, 0)).isEqualTo(total);
            assertThat(MtpFrameCodec.decode(wire, 0, wire.length)).isEqualTo(frame);
        }
    }

    @Example
    void refusesToBuildFramesOf2048BytesOrMore() {
        assertThatThrownBy(() -> MtpFrame.standard(new byte[2042], false, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MtpFrame.extended(new byte[2034], 1, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MtpFrameCodec.encode(0x10, 0, new byte[2042], 0, 2042, new byte[2048], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MtpFrameCodec.writeLengthField(new byte[6], 0, 2048))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
