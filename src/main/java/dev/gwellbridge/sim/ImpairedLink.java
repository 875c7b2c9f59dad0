package dev.gwellbridge.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One direction of a simulated link: applies an {@link Impairment} to the datagrams offered to it
 * and hands the survivors to a sink, now or later.
 *
 * <p>Every offered datagram draws the same four values from the generator (loss, duplication,
 * jitter, reorder distance), whatever the outcome, so one decision never shifts the next. A
 * datagram given a reorder distance {@code d} waits until {@code d} later datagrams went past, or
 * at most {@link #REORDER_HOLD_MS} beyond its due time. Blackouts (configured relative to the
 * start, or added with {@link #blackout}) lose everything.
 *
 * <p>Sans-IO and confined to the thread that drives it: {@link #offer} and {@link #drain} take the
 * caller's clock in milliseconds.
 *
 * @param <T> the datagram with whatever addressing the sink needs
 */
final class ImpairedLink<T> {
    /** Longest time a reordered datagram waits for later ones to overtake it. */
    static final long REORDER_HOLD_MS = 50;

    /** A queued datagram; {@code waitFor} counts the later datagrams that may still overtake it. */
    private static final class Held<T> {
        final T packet;
        final long dueAt;
        final long seq;
        int waitFor;

        Held(T packet, long dueAt, long seq, int waitFor) {
            this.packet = packet;
            this.dueAt = dueAt;
            this.seq = seq;
            this.waitFor = waitFor;
        }
    }

    private record Window(long from, long until) {}

    /** Receives what survives the link, with the clock value at delivery. */
    @FunctionalInterface
    interface Sink<T> {
        void deliver(T packet, long now);
    }

    private final Impairment spec;
    private final RandomGenerator random;
    private final Sink<T> sink;
    private final List<Held<T>> queue = new ArrayList<>();
    private final List<Window> blackouts = new ArrayList<>();
    private long seq;
    private long offered;
    private long lost;
    private long duplicated;

    /**
     * @param startMillis the caller's clock at the simulator's start; configured blackouts count from
     *     here
     */
    ImpairedLink(Impairment spec, RandomGenerator random, long startMillis, Sink<T> sink) {
        this.spec = spec;
        this.random = random;
        this.sink = sink;
        for (Blackout b : spec.blackouts()) {
            blackouts.add(new Window(startMillis + b.startMs(), startMillis + b.endMs()));
        }
    }

    /** Passes one datagram through the link: lost, delivered now, or queued for {@link #drain}. */
    void offer(T packet, long now) {
        offered++;
        double lossDraw = random.nextDouble() * 100;
        double dupDraw = random.nextDouble() * 100;
        int jitter = random.nextInt(spec.jitterMs() + 1);
        int distance = random.nextInt(spec.reorderWindow() + 1);
        if (inBlackout(now) || lossDraw < spec.lossPercent()) {
            lost++;
            return;
        }
        for (Held<T> h : queue) {
            if (h.waitFor > 0) {
                h.waitFor--;
            }
        }
        long dueAt = now + spec.delayMs() + jitter;
        boolean twice = dupDraw < spec.duplicatePercent();
        if (twice) {
            duplicated++;
        }
        if (dueAt <= now && distance == 0 && queue.isEmpty()) {
            sink.deliver(packet, now);
            if (twice) {
                sink.deliver(packet, now);
            }
            return;
        }
        queue.add(new Held<>(packet, dueAt, seq++, distance));
        if (twice) {
            queue.add(new Held<>(packet, dueAt, seq++, 0));
        }
        drain(now);
    }

    /** Delivers every queued datagram that is due, in due-time order. */
    void drain(long now) {
        while (true) {
            Held<T> next = null;
            for (Held<T> h : queue) {
                if (releasable(h, now) && (next == null || before(h, next))) {
                    next = h;
                }
            }
            if (next == null) {
                return;
            }
            queue.remove(next);
            sink.deliver(next.packet, now);
        }
    }

    /** When {@link #drain} next has something to deliver; {@code Long.MAX_VALUE} when idle. */
    long nextDue() {
        long due = Long.MAX_VALUE;
        for (Held<T> h : queue) {
            due = Math.min(due, h.waitFor == 0 ? h.dueAt : h.dueAt + REORDER_HOLD_MS);
        }
        return due;
    }

    /** Loses everything offered in {@code [from, until)} (the caller's clock). */
    void blackout(long from, long until) {
        blackouts.add(new Window(from, until));
    }

    /** Whether a blackout covers {@code now}. */
    boolean inBlackout(long now) {
        for (Window w : blackouts) {
            if (now >= w.from() && now < w.until()) {
                return true;
            }
        }
        return false;
    }

    /** Whether any blackout overlaps {@code [from, until]}. */
    boolean blackoutOverlaps(long from, long until) {
        for (Window w : blackouts) {
            if (w.from() <= until && w.until() > from) {
                return true;
            }
        }
        return false;
    }

    /** Drops everything still queued (a link torn down). */
    void clear() {
        queue.clear();
    }

    long offered() {
        return offered;
    }

    long lost() {
        return lost;
    }

    long duplicated() {
        return duplicated;
    }

    private static boolean releasable(Held<?> h, long now) {
        return now >= h.dueAt && (h.waitFor == 0 || now >= h.dueAt + REORDER_HOLD_MS);
    }

    private static boolean before(Held<?> a, Held<?> b) {
        return a.dueAt < b.dueAt || (a.dueAt == b.dueAt && a.seq < b.seq);
    }
}
