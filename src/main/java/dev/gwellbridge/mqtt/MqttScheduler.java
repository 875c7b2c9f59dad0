package dev.gwellbridge.mqtt;

import java.time.Duration;

/**
 * The bridge's one thread: runs tasks in submission order and delayed tasks when due. All bridge
 * state is confined to it. Tests use a manual implementation with virtual time.
 */
public interface MqttScheduler {

    /** Runs a task soon; never blocks; silently dropped after {@link #shutdown()}. */
    void execute(Runnable task);

    /** Runs a task after a delay; the returned handle cancels it. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Stops accepting tasks and waits briefly for the running one to finish. */
    void shutdown();

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
