package dev.gwellbridge.mqtt;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential reconnect delays: the n-th delay is drawn uniformly between the minimum and
 * {@code min(max, min * 2^n)}, so many bridges restarted with one broker do not reconnect in step.
 */
final class ReconnectBackoff {
    private final long minMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int attempt;

    ReconnectBackoff(Duration min, Duration max, RandomGenerator random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call grows the ceiling. */
    Duration next() {
        long ceiling = minMillis << Math.min(attempt, 20);
        ceiling = Math.min(maxMillis, ceiling);
        attempt++;
        long delay = ceiling <= minMillis ? minMillis : random.nextLong(minMillis, ceiling + 1);
        return Duration.ofMillis(delay);
    }

    /** After a successful connection the next outage starts at the minimum again. */
    void reset() {
        attempt = 0;
    }
}
