package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;

/**
 * A deterministic {@link Scheduler} and clock: nothing runs until the test advances time, tasks run
 * in due-time order (ties in submission order), and blocking work runs on the same lane at the time
 * it was offloaded.
 */
final class VirtualScheduler implements Scheduler, InstantSource {
    private static final class Entry implements Comparable<Entry>, Task {
        final Instant due;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Entry(Instant due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Entry o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private Instant now;
    private long seq;

    VirtualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        Instant due = delay.isNegative() ? now : now.plus(delay);
        Entry e = new Entry(due, seq++, task);
        queue.add(e);
        return e;
    }

    @Override
    public void offload(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** Runs everything due now, including what those tasks schedule for now. */
    void runDue() {
        advanceTo(instant());
    }

    /** Moves the clock forward, running every task that falls due on the way at its due time. */
    void advance(Duration d) {
        advanceTo(instant().plus(d));
    }

    void advanceTo(Instant target) {
        while (true) {
            Entry e;
            synchronized (this) {
                e = queue.peek();
                if (e == null || e.due.isAfter(target)) {
                    now = target.isAfter(now) ? target : now;
                    return;
                }
                queue.poll();
                if (e.due.isAfter(now)) {
                    now = e.due;
                }
            }
            if (!e.cancelled) {
                e.task.run();
            }
        }
    }

    /** Advances in steps until {@code condition} holds; fails after {@code limit}. */
    void advanceUntil(java.util.function.BooleanSupplier condition, Duration limit) {
        Instant end = instant().plus(limit);
        runDue();
        while (!condition.getAsBoolean()) {
            if (!instant().isBefore(end)) {
                throw new AssertionError("condition not met within " + limit);
            }
            Entry next;
            synchronized (this) {
                next = queue.stream()
                        .filter(x -> !x.cancelled)
                        .min(Entry::compareTo)
                        .orElse(null);
            }
            if (next == null || next.due.isAfter(end)) {
                advanceTo(end);
            } else {
                advanceTo(next.due);
            }
        }
    }
}
