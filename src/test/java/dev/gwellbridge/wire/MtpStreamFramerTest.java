package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing of a TCP relay byte stream (GWELL-PROTOCOL.md §8.5). */
class MtpStreamFramerTest {

    private static byte[] frame(int payloadLen, int fill) {
        byte[] payload = new byte[payloadLen];
        java.util.Arrays.fill(payload, (byte) fill);
        return MtpFrameCodec.encode(MtpFrame.standard(payload, false, false));
    }

    @Test
    void reassemblesFramesFedOneByteAtATime() {
        byte[] a = frame(30, 1);
        byte[] b = frame(1500, 2);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(a);
        stream.writeBytes(b);
        byte[] all = stream.toByteArray();
        MtpStreamFramer framer = new MtpStreamFramer();
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            frames.addAll(framer.feed(all, i, 1));
            assertThat(framer.hasPartialFrame()).isEqualTo(i != a.length - 1 && i != all.length - 1);
        }
        assertThat(frames).containsExactly(a, b);
        assertThat(framer.discardedBytes()).isZero();
    }

    @Test
    void skipsGarbageAndResynchronisesOnTheNextMagic() {
        byte[] good = frame(10, 7);
        byte[] badHeader = {(byte) 0xC0, 0x10, 0x02, 0x00, 0, 0}; // length field 2 < 6
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new byte[] {1, 2, 3});
        stream.writeBytes(badHeader);
        stream.writeBytes(good);
        MtpStreamFramer framer = new MtpStreamFramer();
        byte[] all = stream.toByteArray();
        assertThat(framer.feed(all, 0, all.length)).containsExactly(good);
        assertThat(framer.resyncs()).isEqualTo(1);
        assertThat(framer.discardedBytes()).isEqualTo(3 + badHeader.length);
        assertThat(framer.hasPartialFrame()).isFalse();
    }

    @Test
    void deliversSeveralFramesFromOneChunk() {
        byte[] a = frame(0, 0);
        byte[] b = frame(100, 3);
        byte[] c = frame(2041, 4);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(a);
        stream.writeBytes(b);
        stream.writeBytes(c);
        stream.writeBytes(a);
        byte[] all = stream.toByteArray();
        assertThat(new MtpStreamFramer().feed(all, 0, all.length)).containsExactly(a, b, c, a);
    }
}
