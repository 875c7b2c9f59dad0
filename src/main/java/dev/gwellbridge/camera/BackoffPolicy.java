package dev.gwellbridge.camera;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Per-camera retry delays: 10 s, 30 s, 1 min, 2 min, then 5 min (cap); after {@value #ERROR_AFTER}
 * straight failures the camera is in error and retried every 15 min. Every delay is jittered by up
 * to ±{@value #JITTER_PERCENT}% so that cameras failing together do not retry together.
 *
 * <p>Not thread-safe (the random generator is not); used on the supervisor's serial lane.
 */
final class BackoffPolicy {
    static final List<Duration> STEPS = List.of(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(5));
    static final int ERROR_AFTER = 10;
    static final Duration ERROR_RETRY = Duration.ofMinutes(15);
    static final int JITTER_PERCENT = 10;

    private final RandomGenerator random;

    BackoffPolicy(RandomGenerator random) {
        this.random = random;
    }

    /** The un-jittered delay after the {@code failures}-th straight failure (1-based). */
    static Duration base(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        if (isError(failures)) {
            return ERROR_RETRY;
        }
        return STEPS.get(Math.min(failures, STEPS.size()) - 1);
    }

    /** Whether this many straight failures put the camera in error. */
    static boolean isError(int failures) {
        return failures >= ERROR_AFTER;
    }

    /** The jittered delay after the {@code failures}-th straight failure. */
    Duration delay(int failures) {
        Duration base = base(failures);
        double factor = 1 + random.nextDouble(-JITTER_PERCENT, JITTER_PERCENT) / 100.0;
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
