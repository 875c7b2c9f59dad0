package dev.gwellbridge.camera;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Scheduler}: one named thread ({@code camera-supervisor}) is the serial lane,
 * a small pool of named threads ({@code camera-io-N}) takes blocking work. A task that throws is
 * logged and does not stop either.
 */
public final class ThreadedScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadedScheduler.class);
    private static final int IO_THREADS = 4;

    private final ScheduledThreadPoolExecutor lane;
    private final ExecutorService io;

    public ThreadedScheduler() {
        lane = new ScheduledThreadPoolExecutor(1, named("camera-supervisor", false));
        lane.setRemoveOnCancelPolicy(true);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                IO_THREADS, IO_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("camera-io-", true));
        pool.allowCoreThreadTimeOut(true);
        io = pool;
    }

    @Override
    public Task schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f = lane.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            LOG.debug("Scheduler is shut down; task dropped");
            return () -> {};
        }
    }

    @Override
    public void offload(Runnable task) {
        try {
            io.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("Scheduler is shut down; blocking task dropped");
        }
    }

    /**
     * Stops the lane at once and lets blocking work already handed over (closing sessions and media
     * outputs) finish, waiting up to two seconds for each.
     */
    @Override
    public void close() {
        lane.shutdownNow();
        io.shutdown();
        try {
            boolean laneDone = lane.awaitTermination(2, TimeUnit.SECONDS);
            boolean ioDone = io.awaitTermination(2, TimeUnit.SECONDS);
            if (!laneDone || !ioDone) {
                io.shutdownNow();
                LOG.warn("Camera supervisor threads did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Camera supervisor task failed", e);
            }
        };
    }

    private static ThreadFactory named(String name, boolean numbered) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, numbered ? name + n.incrementAndGet() : name);
            t.setDaemon(true);
            return t;
        };
    }
}
