package dev.gwellbridge.kcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * A one-way datagram link on a virtual clock with seeded loss, duplication and reordering (each
 * datagram gets its own random delay, so later ones may overtake earlier ones). Deterministic for
 * a given generator.
 */
final class LossyLink implements KcpOutput {
    @SuppressWarnings("ArrayRecordComponent") // identity is never compared
    private record Flight(long at, long seq, byte[] bytes) {}

    private final RandomGenerator random;
    private final double loss;
    private final double duplication;
    private final int minDelay;
    private final int jitter;
    private final PriorityQueue<Flight> inFlight =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;
    long sent;
    long lost;
    long duplicated;

    LossyLink(RandomGenerator random, double loss, double duplication, int minDelay, int jitter) {
        this.random = random;
        this.loss = loss;
        this.duplication = duplication;
        this.minDelay = minDelay;
        this.jitter = jitter;
    }

    void setNow(long now) {
        this.now = now;
    }

    @Override
    public void output(byte[] buf, int len) {
        sent++;
        if (random.nextDouble() < loss) {
            lost++;
            return;
        }
        byte[] copy = Arrays.copyOf(buf, len);
        inFlight.add(new Flight(now + minDelay + random.nextInt(jitter + 1), seq++, copy));
        if (random.nextDouble() < duplication) {
            duplicated++;
            inFlight.add(new Flight(now + minDelay + random.nextInt(jitter + 1), seq++, copy));
        }
    }

    /** Datagrams whose arrival time is at or before {@code t}, in arrival order. */
    List<byte[]> due(long t) {
        List<byte[]> out = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peek().at <= t) {
            out.add(inFlight.poll().bytes);
        }
        return out;
    }
}
