package dev.gwellbridge.mqtt;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttScheduler} on one platform thread named {@code mqtt}. A task that throws is logged and
 * the thread carries on, so one bad message cannot stop publishing.
 */
public final class ExecutorMqttScheduler implements MqttScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorMqttScheduler.class);
    private static final long SHUTDOWN_WAIT_MS = 2_000;

    private final ScheduledThreadPoolExecutor executor;

    /**
     * @param threads makes the thread (it is renamed {@code mqtt}); must make platform threads,
     *     because Paho blocks inside {@code synchronized} blocks
     */
    public ExecutorMqttScheduler(ThreadFactory threads) {
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = threads.newThread(r);
            t.setName("mqtt");
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("MQTT thread stopped; dropping a task");
        }
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            LOG.debug("MQTT thread stopped; dropping a scheduled task");
            return () -> {};
        }
    }

    @Override
    public void shutdown() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("MQTT task failed; carrying on", e);
            }
        };
    }
}
