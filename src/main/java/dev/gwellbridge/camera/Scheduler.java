package dev.gwellbridge.camera;

import java.time.Duration;

/**
 * Time-driven work for the camera supervisor. Tasks given to {@link #schedule} and {@link #execute}
 * run one at a time, in order, on one serial lane (the supervisor's state lives there and needs no
 * locks); {@link #offload} runs work that may block (cloud calls, closing processes) elsewhere.
 *
 * <p>Production uses {@link ThreadedScheduler}; tests use a deterministic virtual implementation so
 * that every timeout and backoff step is checked without sleeping.
 */
public interface Scheduler {

    /** A scheduled task that has not run yet. */
    interface Task {
        /** Prevents the task from running if it has not started yet; idempotent. */
        void cancel();
    }

    /** Runs {@code task} on the serial lane after {@code delay} (zero or negative: as soon as possible). */
    Task schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the serial lane as soon as possible, after what is already queued. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** Runs {@code task}, which may block for seconds, off the serial lane. */
    void offload(Runnable task);
}
