package dev.gwellbridge.media;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long to wait before starting ffmpeg again after it exited: the first restart is quick, later
 * ones in a row wait longer, up to the last step. A process that ran for at least {@code
 * stableAfter} counts as healthy, so its exit starts the schedule from the first step again.
 *
 * <p>Pure: the caller supplies the instants. Confined to the writer thread.
 */
public final class RestartBackoff {
    /** 0.5 s, 1 s, 2 s, 5 s, 10 s, then 30 s for every further failure in a row. */
    public static final List<Duration> DEFAULT_STEPS = List.of(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    private final List<Duration> steps;
    private final Duration stableAfter;
    private int failuresInARow;

    public RestartBackoff(List<Duration> steps, Duration stableAfter) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("backoff needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.stableAfter = stableAfter;
    }

    /**
     * Records an exit (or a failed start, with {@code started == exited}) and returns the delay before
     * the next start.
     */
    public Duration onExit(Instant started, Instant exited) {
        if (Duration.between(started, exited).compareTo(stableAfter) >= 0) {
            failuresInARow = 0;
        }
        Duration delay = steps.get(Math.min(failuresInARow, steps.size() - 1));
        failuresInARow++;
        return delay;
    }

    /** Exits in a row without a stable run in between. */
    public int failuresInARow() {
        return failuresInARow;
    }
}
