package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera's snapshots: periodic ones while streaming, and snapshot commands, which either use the
 * running session or (with {@code wake}) hold a session open until the snapshot is taken.
 * Confined to the supervisor's serial lane.
 */
final class Snapshots {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    /** The first periodic snapshot of a session, once a keyframe has likely arrived. */
    static final Duration FIRST = Duration.ofSeconds(10);
    /** A snapshot command still unanswered after this is refused. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** A snapshot command waiting for its answer. */
    private static final class Waiter {
        final CompletableFuture<CommandResult> future;
        final CameraCommand command;
        final Instant deadline;
        final boolean wake;
        boolean taking;

        Waiter(CompletableFuture<CommandResult> future, CameraCommand command, Instant deadline, boolean wake) {
            this.future = future;
            this.command = command;
            this.deadline = deadline;
            this.wake = wake;
        }
    }

    private final CameraWorker w;
    private final List<Waiter> pending = new ArrayList<>();
    private Instant next;

    Snapshots(CameraWorker w) {
        this.w = w;
    }

    /** Whether a wake snapshot keeps (or is about to bring up) a session. */
    boolean holdsSession() {
        return pending.stream().anyMatch(x -> x.wake);
    }

    /** Takes a snapshot from the streaming session for a command. */
    void fromSession(Attempt a, CameraCommand command, CompletableFuture<CommandResult> future) {
        Waiter x = new Waiter(future, command, w.now().plus(TIMEOUT), false);
        pending.add(x);
        take(a, x);
    }

    /** Waits for a session (which the caller brings up) and takes a snapshot from it. */
    void wake(CameraCommand command, CompletableFuture<CommandResult> future) {
        pending.add(new Waiter(future, command, w.now().plus(TIMEOUT), true));
    }

    void sessionStarted(Attempt a) {
        Duration interval = w.ctx.settings.snapshotInterval();
        next = interval.isZero() ? null : w.now().plus(FIRST);
        for (Waiter x : List.copyOf(pending)) {
            if (!x.taking) {
                take(a, x);
            }
        }
    }

    /** The session attempt failed: wake snapshots waiting for it are refused with the reason. */
    void sessionFailed(FailureReason reason) {
        refuseWaiting(reason.code(), "No session: " + reason.message());
    }

    /** Refuses every command still waiting for a session. */
    void refuseWaiting(String reason, String message) {
        for (Waiter x : List.copyOf(pending)) {
            if (!x.taking) {
                pending.remove(x);
                w.answer(x.future, x.command, CommandResult.refused(reason, message));
            }
        }
    }

    /** Periodic snapshots and command timeouts; called every few seconds. */
    void tick() {
        Instant now = w.now();
        Attempt a = w.attempt;
        if (a != null && a.streaming && next != null && !now.isBefore(next)) {
            next = now.plus(w.ctx.settings.snapshotInterval());
            take(a, null);
        }
        boolean released = false;
        for (Waiter x : List.copyOf(pending)) {
            if (!now.isBefore(x.deadline)) {
                pending.remove(x);
                released |= x.wake;
                w.answer(x.future, x.command, CommandResult.refused("snapshot_timeout", "No snapshot in time."));
            }
        }
        if (released) {
            w.reconcile("snapshot_timeout");
        }
    }

    private void take(Attempt a, Waiter x) {
        if (x != null) {
            x.taking = true;
        }
        MediaSession m = a.media();
        CompletableFuture<byte[]> f;
        try {
            f = m.snapshot();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        var unused = f.whenComplete((jpeg, err) -> w.onLane(() -> done(jpeg, err, x)));
    }

    private void done(byte[] jpeg, Throwable err, Waiter x) {
        boolean ok = err == null && jpeg != null && jpeg.length > 0;
        if (ok) {
            byte[] copy = jpeg.clone();
            w.ctx.snapshots.put(w.id, copy);
            w.ctx.listeners.snapshot(w.id, copy);
        } else if (x == null) {
            LOG.debug("Camera {}: periodic snapshot failed: {}", w.label(), err == null ? "empty" : err.toString());
        }
        if (x == null || !pending.remove(x)) {
            return;
        }
        w.answer(
                x.future,
                x.command,
                ok
                        ? CommandResult.accepted("Snapshot taken.")
                        : CommandResult.refused("snapshot_failed", "The video pipeline could not take a snapshot."));
        if (x.wake) {
            w.reconcile("snapshot_taken");
        }
    }
}
