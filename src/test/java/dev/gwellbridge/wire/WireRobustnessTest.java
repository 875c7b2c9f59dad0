package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.testkit.Fuzz;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every wire decoder gets {@value Fuzz#RANDOM} random and {@value Fuzz#MUTATED} mutated valid
 * inputs: it returns a value or throws {@link FrameException}, nothing else.
 */
class WireRobustnessTest {
    private static final int DATA = 0x1A2B3C4D;
    private static final int CTRL = 0x9A2B3C4D;
    private static final Rc5x32 KEY = Rc5x32.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    private static byte[] bytes(RandomGenerator r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] segment(RandomGenerator r, int conv, int cmd, byte[] data) {
        byte[] s = new byte[24 + data.length];
        Le.putInt32(s, 0, conv);
        s[4] = (byte) cmd;
        Le.putInt16(s, 6, 128);
        Le.putInt32(s, 8, r.nextInt());
        Le.putInt32(s, 12, r.nextInt(1000));
        Le.putInt32(s, 20, data.length);
        System.arraycopy(data, 0, s, 24, data.length);
        return s;
    }

    private static byte[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Datagrams as a camera sends them: optional control prefix, then segments of one or both convs. */
    private static List<byte[]> datagrams() {
        RandomGenerator r = new SplittableRandom(1);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<byte[]> parts = new ArrayList<>();
            if (r.nextInt(3) == 0) {
                parts.add(MeterCodec.encode(new MeterMessage(false, DATA, r.nextLong(), r.nextLong(), i, i)));
            }
            for (int k = r.nextInt(4); k > 0; k--) {
                byte[] msg = r.nextBoolean()
                        ? AvStreamCtlCodec.encode(AvStreamCtl.of(AvStreamCtlCommand.ACCEPT, r.nextInt()))
                        : AvMessageCodec.encode(new AvMessage(4, 0, bytes(r, r.nextInt(200))), KEY);
                parts.add(segment(r, r.nextBoolean() ? DATA : CTRL, 81 + r.nextInt(4), msg));
            }
            byte[] payload = concat(parts);
            MtpFrame f = r.nextBoolean()
                    ? MtpFrame.standard(payload, r.nextBoolean(), true)
                    : MtpFrame.extended(payload, r.nextLong(), false);
            out.add(MtpFrameCodec.encode(f));
        }
        return out;
    }

    private static List<byte[]> controlMessages() {
        RandomGenerator r = new SplittableRandom(2);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.add(SessionControlCodec.encode(
                    new MeterMessage(r.nextBoolean(), r.nextInt(), r.nextLong(), r.nextLong(), i, r.nextLong())));
            out.add(SessionControlCodec.encode(new CreateKcpMessage(r.nextInt(), r.nextLong(), r.nextLong())));
            out.add(SessionControlCodec.encode(new UnknownControlMessage(0x21, 4 + r.nextInt(40))));
            out.add(RelayRegistrationCodec.encode(new RelayRegistration(r.nextInt(), r.nextLong(), r.nextLong(), i)));
        }
        return out;
    }

    private static List<byte[]> avMessages() {
        RandomGenerator r = new SplittableRandom(3);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] chunk = bytes(r, r.nextInt(300));
            if (r.nextBoolean() && chunk.length >= 28) {
                System.arraycopy(HeadInfoCodec.encode(bytes(r, 24)), 0, chunk, 0, 28);
            }
            out.add(AvMessageCodec.encode(new AvMessage(2 + r.nextInt(3), r.nextInt(3), chunk), KEY));
            out.add(AvStreamCtlCodec.encode(AvStreamCtl.initReq(r.nextInt())));
            out.add(ViewerAvInitCodec.encode(KEY));
        }
        return out;
    }

    private static void both(long seed, int maxLen, List<byte[]> valid, Fuzz.Decoder decoder) {
        Fuzz.Tally random = Fuzz.random(seed, maxLen, decoder, FrameException.class);
        Fuzz.Tally mutated = Fuzz.mutated(seed + 1, valid, decoder, FrameException.class);
        assertThat(random.values() + random.rejections()).isEqualTo(Fuzz.RANDOM);
        assertThat(mutated.values()).as("mutated inputs that still decode").isPositive();
        assertThat(mutated.rejections()).as("mutated inputs that are rejected").isPositive();
    }

    @Test
    void mtpFrameDecoderOnlyThrowsFrameException() {
        both(10, 100, datagrams(), in -> MtpFrameCodec.decode(in, 0, in.length));
    }

    @Test
    void datagramParserOnlyThrowsFrameExceptionAndStaysInBounds() {
        both(20, 200, datagrams(), in -> {
            MtpDatagram d = MtpDatagramParser.parse(in, 0, in.length, DATA, CTRL);
            for (MtpDatagram.KcpRun run : d.runs()) {
                assertThat(run.offset()).isBetween(0, in.length);
                assertThat(run.offset() + run.length()).isBetween(run.offset(), in.length);
            }
            for (MtpDatagram.SegmentRef s : d.segments()) {
                assertThat(s.dataOffset() + s.dataLength()).isBetween(s.dataOffset(), in.length);
            }
            AvStreamCtlScanner.scan(in, d);
        });
    }

    @Test
    void streamFramerNeverThrowsAndOnlyEmitsWellFormedFrames() {
        RandomGenerator r = new SplittableRandom(30);
        List<byte[]> valid = datagrams();
        Fuzz.Decoder feed = in -> {
            MtpStreamFramer framer = new MtpStreamFramer();
            int p = 0;
            while (p < in.length) {
                int n = 1 + r.nextInt(Math.min(in.length - p, 700));
                for (byte[] frame : framer.feed(in, p, n)) {
                    if (frame[0] != (byte) 0xC0 || MtpFrameCodec.lengthField(frame, 0) != frame.length) {
                        throw new AssertionError("framer emitted a malformed frame");
                    }
                }
                p += n;
            }
        };
        Fuzz.random(31, 300, feed, FrameException.class);
        List<byte[]> streams = new ArrayList<>();
        for (int i = 0; i + 3 <= valid.size(); i += 3) {
            streams.add(concat(List.of(valid.get(i), valid.get(i + 1), valid.get(i + 2))));
        }
        Fuzz.Tally mutated = Fuzz.mutated(32, streams, feed, FrameException.class);
        assertThat(mutated.rejections()).isZero();
    }

    @Test
    void sessionControlDecodersOnlyThrowFrameException() {
        List<byte[]> valid = controlMessages();
        both(40, 80, valid, in -> SessionControlCodec.decode(in, 0, in.length));
        both(42, 80, valid, in -> MeterCodec.decode(in, 0, in.length));
        both(44, 80, valid, in -> {
            MeterCodec.ackFor(in, 0, in.length);
            RelayRegistrationCodec.decode(in, 0, in.length);
        });
    }

    @Test
    void avDecodersOnlyThrowFrameException() {
        List<byte[]> valid = avMessages();
        both(50, 120, valid, in -> AvMessageCodec.decode(in, 0, in.length, KEY));
        both(52, 120, valid, in -> AvStreamCtlCodec.decode(in, 0, in.length));
    }

    @Test
    void h264ExtractionOnlyThrowsFrameException() {
        int[] written = {0};
        H264Sink sink = (b, off, len) -> {
            assertThat(off).isBetween(0, b.length);
            assertThat(off + len).isBetween(off + 1, b.length);
            written[0] += len;
        };
        for (AvChannel ch : AvChannel.values()) {
            both(ch == AvChannel.DATA ? 60 : 62, 120, avMessages(), in -> {
                H264Extractor.extract(ch, in, 0, in.length, KEY, sink);
                ViewerAvInitCodec.matches(in, 0, in.length, KEY);
            });
        }
        assertThat(written[0]).isPositive();
    }

    @Test
    void decodersRejectInputsShorterThanAHeader() {
        RandomGenerator r = new SplittableRandom(70);
        List<Fuzz.Decoder> decoders = List.of(
                in -> MtpFrameCodec.decode(in, 0, in.length),
                in -> MtpDatagramParser.parse(in, 0, in.length, DATA, CTRL),
                in -> SessionControlCodec.decode(in, 0, in.length),
                in -> AvMessageCodec.decode(in, 0, in.length, KEY),
                in -> AvStreamCtlCodec.decode(in, 0, in.length),
                in -> H264Extractor.extract(AvChannel.DATA, in, 0, in.length, KEY, (b, o, l) -> {}));
        for (Fuzz.Decoder d : decoders) {
            for (int len = 0; len < 4; len++) {
                for (int i = 0; i < 100; i++) {
                    byte[] in = bytes(r, len);
                    assertThatThrownBy(() -> d.decode(in)).isInstanceOf(FrameException.class);
                }
            }
        }
        assertThat(new MtpStreamFramer().feed(new byte[0], 0, 0)).isEmpty();
    }
}
