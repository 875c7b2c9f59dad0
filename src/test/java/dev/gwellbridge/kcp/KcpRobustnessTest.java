package dev.gwellbridge.kcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.testkit.Fuzz;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The segment decoder and the engine's input get {@value Fuzz#RANDOM} random and {@value
 * Fuzz#MUTATED} mutated valid inputs each: the decoder returns or throws {@link
 * KcpFormatException}; the engine answers with a return code and keeps working.
 */
class KcpRobustnessTest {
    private static final int CONV = 0x1A2B3C4D;

    private static List<byte[]> validBuffers() {
        RandomGenerator r = new SplittableRandom(5);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = 1 + r.nextInt(3);
            List<KcpSegment> segs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                byte[] data = new byte[r.nextInt(100)];
                r.nextBytes(data);
                int cmd = KcpSegment.IKCP_CMD_PUSH + r.nextInt(4);
                segs.add(new KcpSegment(
                        CONV, cmd, r.nextInt(3), r.nextInt(600), r.nextInt(), r.nextInt(700), r.nextInt(700), data));
            }
            int len = segs.stream().mapToInt(KcpSegment::encodedLength).sum();
            byte[] buf = new byte[len];
            int o = 0;
            for (KcpSegment s : segs) {
                o += KcpSegmentCodec.encode(s, buf, o);
            }
            out.add(buf);
        }
        return out;
    }

    @Test
    void segmentDecoderOnlyThrowsKcpFormatException() {
        Fuzz.Decoder decode = in -> KcpSegmentCodec.decodeAll(in, 0, in.length);
        Fuzz.random(1, 100, decode, KcpFormatException.class);
        Fuzz.Tally mutated = Fuzz.mutated(2, validBuffers(), decode, KcpFormatException.class);
        assertThat(mutated.values()).isPositive();
        assertThat(mutated.rejections()).isPositive();
    }

    @Test
    void engineInputAnswersWithReturnCodesAndKeepsWorking() {
        RandomGenerator clock = new SplittableRandom(3);
        KcpEndpoint engine = new KcpEndpoint(CONV, KcpConfig.data(), (b, n) -> {
            assertThat(n).isBetween(1, 1400);
        });
        long[] now = {0};
        int[] rcs = new int[5];
        Fuzz.Decoder feed = in -> {
            int rc = engine.input(in, 0, in.length, now[0]);
            assertThat(rc).isBetween(-3, 0);
            rcs[-rc]++;
            now[0] += clock.nextInt(3);
            if (clock.nextInt(8) == 0) {
                engine.update(now[0]);
                while (engine.recv() != null) {
                    assertThat(engine.rcvQueueCount()).isLessThanOrEqualTo(512);
                }
                if (clock.nextInt(50) == 0) {
                    engine.send(new byte[clock.nextInt(3000)]);
                }
            }
        };
        Fuzz.random(4, 120, feed, KcpFormatException.class);
        Fuzz.mutated(5, validBuffers(), feed, KcpFormatException.class);
        assertThat(rcs[0]).as("accepted inputs").isPositive();
        assertThat(rcs[1] + rcs[2] + rcs[3]).as("refused inputs").isPositive();
        assertThat(engine.rcvBufCount()).isLessThanOrEqualTo(512);

        KcpCounters c = engine.counters();
        assertThat(c.convMismatches()).isPositive();
        assertThat(c.malformedInputs()).isPositive();

        // Still a working engine: a fresh peer's message gets through once the sequence lines up.
        int before = engine.rcvNxt();
        byte[] next = KcpSegmentCodec.encode(
                new KcpSegment(CONV, KcpSegment.IKCP_CMD_PUSH, 0, 128, 0, before, 0, new byte[] {1, 2, 3}));
        while (engine.recv() != null) {
            assertThat(engine.rcvQueueCount()).isGreaterThanOrEqualTo(0);
        }
        assertThat(engine.input(next, 0, next.length, now[0])).isZero();
        assertThat(engine.rcvNxt()).isNotEqualTo(before);
    }
}
