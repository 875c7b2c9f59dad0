package dev.gwellbridge.media;

import dev.gwellbridge.h264.FrameRate;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Measures how many pictures per second arrive, for streams whose SPS declares no frame rate. Keeps
 * the arrival times of the last pictures in a ring and reports a whole-number rate once they span
 * at least {@code minSpanMillis}.
 *
 * <p>Thread-safe (the stream thread records, the writer thread reads).
 */
public final class ArrivalRate {
    private static final int CAPACITY = 256;

    private final LongSupplier millis;
    private final long minSpanMillis;
    private final long[] times = new long[CAPACITY];
    private int count;
    private int next;

    public ArrivalRate(LongSupplier millis, long minSpanMillis) {
        this.millis = millis;
        this.minSpanMillis = minSpanMillis;
    }

    public synchronized void record() {
        times[next] = millis.getAsLong();
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
    }

    /** The measured rate, rounded to whole frames per second; empty while too little was seen. */
    public synchronized Optional<FrameRate> measured() {
        if (count < 2) {
            return Optional.empty();
        }
        long newest = times[(next - 1 + CAPACITY) % CAPACITY];
        long oldest = times[(next - count + CAPACITY) % CAPACITY];
        long span = newest - oldest;
        if (span < minSpanMillis) {
            return Optional.empty();
        }
        long fps = Math.round((count - 1) * 1000.0 / span);
        FrameRate rate = FrameRate.ofFps(Math.max(1, fps));
        return rate.plausible() ? Optional.of(rate) : Optional.empty();
    }
}
