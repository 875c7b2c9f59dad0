package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.crypto.Le;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The receive split of GWELL-PROTOCOL.md §8.4 on hand-made datagrams. */
class MtpDatagramParserTest {
    private static final int DATA = 0x1A2B3C4D;
    private static final int CTRL = 0x9A2B3C4D;

    private static byte[] segment(int conv, int sn, int dataLen) {
        byte[] s = new byte[24 + dataLen];
        Le.putInt32(s, 0, conv);
        s[4] = 81;
        Le.putInt32(s, 12, sn);
        Le.putInt32(s, 20, dataLen);
        return s;
    }

    private static byte[] datagram(byte[]... parts) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            payload.writeBytes(p);
        }
        return MtpFrameCodec.encode(MtpFrame.standard(payload.toByteArray(), false, true));
    }

    @Test
    void givesASingleConvDatagramToItsEngineWhole() throws FrameException {
        byte[] d = datagram(segment(DATA, 0, 10), segment(DATA, 1, 20));
        MtpDatagram parsed = MtpDatagramParser.parse(d, 0, d.length, DATA, CTRL);
        assertThat(parsed.runs()).containsExactly(new MtpDatagram.KcpRun(AvChannel.DATA, DATA, 6, d.length - 6));
        assertThat(parsed.segments()).extracting(MtpDatagram.SegmentRef::sn).containsExactly(0, 1);
    }

    @Test
    void splitsMixedConvsPerSegmentAndDropsUnknownOnes() throws FrameException {
        byte[] d = datagram(segment(DATA, 0, 10), segment(0x12345678, 0, 5), segment(CTRL, 3, 0));
        MtpDatagram parsed = MtpDatagramParser.parse(d, 0, d.length, DATA, CTRL);
        assertThat(parsed.runs())
                .containsExactly(
                        new MtpDatagram.KcpRun(AvChannel.DATA, DATA, 6, 34),
                        new MtpDatagram.KcpRun(AvChannel.CTRL, CTRL, 6 + 34 + 29, 24));
        assertThat(parsed.droppedSegments()).isEqualTo(1);
    }

    @Test
    void skipsAnUnknownControlMessageByItsLength() throws FrameException {
        byte[] control = new byte[12];
        control[1] = 0x21;
        Le.putInt16(control, 2, control.length);
        byte[] d = datagram(control, segment(CTRL, 9, 4));
        MtpDatagram parsed = MtpDatagramParser.parse(d, 0, d.length, DATA, CTRL);
        assertThat(parsed.control()).contains(new MtpDatagram.ControlRef(0x21, 6, 12));
        assertThat(parsed.runs()).containsExactly(new MtpDatagram.KcpRun(AvChannel.CTRL, CTRL, 18, 28));
    }

    @Test
    void reportsATruncatedTailAndDropsAWholeUnknownConvDatagram() throws FrameException {
        byte[] seg = segment(0x0BADC0DE, 0, 40);
        byte[] d = datagram(segment(0x0BADC0DE, 1, 0), java.util.Arrays.copyOf(seg, 30));
        MtpDatagram parsed = MtpDatagramParser.parse(d, 0, d.length, DATA, CTRL);
        assertThat(parsed.truncatedTail()).isTrue();
        assertThat(parsed.runs()).isEmpty();
        assertThat(parsed.droppedSegments()).isEqualTo(1);
    }

    @Test
    void readsTheDestinationOfAnExtendedHeader() throws FrameException {
        byte[] d = MtpFrameCodec.encode(MtpFrame.extended(segment(DATA, 0, 0), 0x000186D600139C81L, false));
        MtpDatagram parsed = MtpDatagramParser.parse(d, 0, d.length, DATA, CTRL);
        assertThat(parsed.extended()).isTrue();
        assertThat(parsed.destId()).isEqualTo(0x000186D600139C81L);
        assertThat(parsed.runs())
                .singleElement()
                .extracting(MtpDatagram.KcpRun::offset)
                .isEqualTo(14);
    }
}
