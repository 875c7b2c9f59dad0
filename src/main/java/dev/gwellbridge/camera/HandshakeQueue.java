package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One session set-up at a time across all cameras (GWELL-PROTOCOL §11.9): a camera waits for its
 * turn, holds the slot until its session streams or fails, and the next turn starts no sooner than
 * the stagger after the previous handshake started (the P2P server confuses or rate-limits set-ups
 * that come too close together).
 *
 * <p>Confined to the supervisor's serial lane; only {@link #depth()} may be read from any thread.
 * Turns are always handed out from a fresh task, never from inside {@link #add} or {@link #release}.
 */
final class HandshakeQueue {
    private final Deque<CameraId> waiting = new ArrayDeque<>();
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final Duration stagger;
    private final Consumer<CameraId> onTurn;
    private CameraId holder;
    private Instant lastStart;
    private Scheduler.Task pending;
    private volatile int depth;

    HandshakeQueue(InstantSource clock, Scheduler scheduler, Duration stagger, Consumer<CameraId> onTurn) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.stagger = stagger;
        this.onTurn = onTurn;
    }

    /** Puts a camera at the end of the queue unless it is already waiting or holding the slot. */
    void add(CameraId id) {
        if (!waiting.contains(id) && !id.equals(holder)) {
            waiting.addLast(id);
            depth = waiting.size();
        }
        pump();
    }

    /** Takes a waiting camera out of the queue; returns whether it was waiting. */
    boolean remove(CameraId id) {
        boolean removed = waiting.remove(id);
        depth = waiting.size();
        return removed;
    }

    /**
     * The slot holder now opens its P2P session (its credential has arrived): the stagger counts
     * from here, so a slow cloud call does not shorten the gap between two handshakes.
     */
    void opening(CameraId id) {
        if (id.equals(holder)) {
            lastStart = clock.instant();
        }
    }

    /** Frees the slot if this camera holds it. */
    void release(CameraId id) {
        if (id.equals(holder)) {
            holder = null;
            pump();
        }
    }

    boolean holds(CameraId id) {
        return id.equals(holder);
    }

    boolean isWaiting(CameraId id) {
        return waiting.contains(id);
    }

    /** 1-based position of a waiting camera. */
    Optional<Integer> position(CameraId id) {
        int i = 1;
        for (CameraId w : waiting) {
            if (w.equals(id)) {
                return Optional.of(i);
            }
            i++;
        }
        return Optional.empty();
    }

    /** Cameras waiting for their turn (not counting the one setting up). Safe from any thread. */
    int depth() {
        return depth;
    }

    private void pump() {
        if (holder != null || waiting.isEmpty() || pending != null) {
            return;
        }
        Instant now = clock.instant();
        Instant earliest = lastStart == null ? now : lastStart.plus(stagger);
        Duration wait = earliest.isAfter(now) ? Duration.between(now, earliest) : Duration.ZERO;
        pending = scheduler.schedule(wait, this::turn);
    }

    private void turn() {
        pending = null;
        Instant now = clock.instant();
        if (holder != null || waiting.isEmpty()) {
            return;
        }
        if (lastStart != null && now.isBefore(lastStart.plus(stagger))) {
            pump();
            return;
        }
        CameraId next = waiting.pollFirst();
        depth = waiting.size();
        holder = next;
        lastStart = now;
        onTurn.accept(next);
    }
}
