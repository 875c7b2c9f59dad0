package dev.gwellbridge.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A deterministic {@link MqttScheduler} with its own virtual clock: tasks run only inside {@link
 * #runDue()} and {@link #advance(Duration)}, on the test's thread, in due-time then submission
 * order. Exceptions propagate to the test.
 */
final class ManualScheduler implements MqttScheduler, InstantSource {
    private record Task(long atMillis, long seq, Runnable run, AtomicBoolean cancelled) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(atMillis, o.atMillis);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    private boolean shutdown;

    ManualScheduler(Instant start) {
        this.now = start.toEpochMilli();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(now);
    }

    @Override
    public void execute(Runnable task) {
        if (!shutdown) {
            queue.add(new Task(now, seq++, task, new AtomicBoolean()));
        }
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        AtomicBoolean cancelled = new AtomicBoolean();
        if (!shutdown) {
            queue.add(new Task(now + delay.toMillis(), seq++, task, cancelled));
        }
        return () -> cancelled.set(true);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        queue.clear();
    }

    /** Runs every task due now, including ones they add that are due now. */
    void runDue() {
        while (!queue.isEmpty() && queue.peek().atMillis() <= now) {
            Task t = queue.poll();
            if (!t.cancelled().get()) {
                t.run().run();
            }
        }
    }

    /** Moves the clock forward, running tasks at their due times. */
    void advance(Duration d) {
        long end = now + d.toMillis();
        runDue();
        while (!queue.isEmpty() && queue.peek().atMillis() <= end) {
            now = Math.max(now, queue.peek().atMillis());
            runDue();
        }
        now = end;
        runDue();
    }

    /** Due time of the earliest pending task, in millis from now, or -1. */
    long nextDueInMillis() {
        return queue.stream()
                .filter(t -> !t.cancelled().get())
                .mapToLong(t -> t.atMillis() - now)
                .min()
                .orElse(-1);
    }
}
