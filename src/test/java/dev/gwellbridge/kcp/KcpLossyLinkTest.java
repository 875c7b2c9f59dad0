package dev.gwellbridge.kcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Two engines over a seeded lossy link on a virtual clock: 10 % loss, 5 % duplication and random
 * delays of 20..60 ms (so datagrams overtake each other) in both directions.
 */
class KcpLossyLinkTest {
    private static final int CONV = 0x1A2B3C4D;
    private static final int MESSAGES = 10_000;
    private static final long TIME_LIMIT_MS = 2_000_000;

    /** Everything a run produces that depends on the seed. */
    record Outcome(long finishedAt, KcpCounters sender, KcpCounters receiver, long lost, long duplicated) {}

    /** Message {@code i}: its index, then bytes derived from it; about one in five exceeds the MSS. */
    private static byte[] message(int i) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        int size = r.nextInt(10) < 8 ? 4 + r.nextInt(1000) : 1400 + r.nextInt(6000);
        byte[] m = new byte[size];
        r.nextBytes(m);
        m[0] = (byte) i;
        m[1] = (byte) (i >>> 8);
        m[2] = (byte) (i >>> 16);
        m[3] = (byte) (i >>> 24);
        return m;
    }

    private static Outcome run(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        LossyLink forward = new LossyLink(random, 0.10, 0.05, 20, 40);
        LossyLink backward = new LossyLink(random, 0.10, 0.05, 20, 40);
        KcpEndpoint sender = new KcpEndpoint(CONV, KcpConfig.data(), forward);
        KcpEndpoint receiver = new KcpEndpoint(CONV, KcpConfig.data(), backward);
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(sender.send(message(i))).isZero();
        }
        int next = 0;
        long now = 0;
        while (next < MESSAGES) {
            assertThat(now).as("virtual time").isLessThan(TIME_LIMIT_MS);
            forward.setNow(now);
            backward.setNow(now);
            for (byte[] d : forward.due(now)) {
                assertThat(receiver.input(d, 0, d.length, now)).isZero();
            }
            for (byte[] d : backward.due(now)) {
                assertThat(sender.input(d, 0, d.length, now)).isZero();
            }
            for (byte[] m = receiver.recv(); m != null; m = receiver.recv()) {
                assertThat(m).as("message %d", next).isEqualTo(message(next));
                next++;
            }
            sender.update(now);
            receiver.update(now);
            now += 10;
        }
        assertThat(receiver.recv()).isNull();
        return new Outcome(
                now, sender.counters(), receiver.counters(), forward.lost + backward.lost, forward.duplicated);
    }

    @Test
    void deliversTenThousandMessagesInOrderExactlyOnceOverALossyLink() {
        Outcome outcome = run(20_260_101L);
        assertThat(outcome.receiver().messagesReceived()).isEqualTo(MESSAGES);
        assertThat(outcome.sender().retransmissions() + outcome.sender().fastRetransmissions())
                .isPositive();
        assertThat(outcome.receiver().duplicates()).isPositive();
        assertThat(outcome.lost()).isPositive();
        assertThat(outcome.duplicated()).isPositive();
    }

    @Test
    void sameSeedGivesTheSameRun() {
        assertThat(run(7)).isEqualTo(run(7));
    }
}
