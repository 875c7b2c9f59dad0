package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's session life cycle: wanting a session, taking its handshake turn, streaming, and
 * reacting to failures, stalls and idle timeouts with the backoff of HA-INTEGRATION §5.7.
 *
 * <p>Confined to the supervisor's serial lane, except {@link #isCurrent}, which session threads
 * call. Set-up is done by {@link SessionSetup}, the deadman by {@link Watchdog}, commands by {@link
 * CameraCommands}, snapshots by {@link Snapshots}; {@link FailureTracker} keeps the failure streak
 * and {@link WorkerState} builds the published state.
 */
final class CameraWorker implements Attempt.Owner {
    private static final Logger LOG = LoggerFactory.getLogger(CameraWorker.class);

    private static final Set<FailureReason> UNREACHABLE =
            EnumSet.of(FailureReason.CAMERA_UNREACHABLE, FailureReason.DEVICE_NOT_FOUND);

    final CameraId id;
    final String slug;
    final CameraSettings overrides;
    final SupervisorContext ctx;
    final Snapshots snapshots = new Snapshots(this);
    final WorkerState view = new WorkerState(this);
    final FailureTracker streak;

    CameraInfo cloudInfo;
    StoredCamera stored;
    Attempt attempt;
    private volatile Attempt live;
    Scheduler.Task retry;
    Duration retryDelay;
    boolean reconnecting;
    FailureReason reason;
    String detail = "";
    boolean unreachable;
    FailureReason unreachableReason;
    boolean available;
    Instant lastDemand;
    Instant lastRestart;
    long sessions;
    private long epochs;

    CameraWorker(SupervisorContext ctx, CameraInfo info, String slug, CameraSettings overrides, StoredCamera stored) {
        this.ctx = ctx;
        this.id = info.id();
        this.cloudInfo = info;
        this.slug = slug;
        this.overrides = overrides;
        this.stored = stored;
        this.available = info.cloudOnline();
        this.streak = new FailureTracker(ctx.backoff);
    }

    String label() {
        return slug + " (" + id + ")";
    }

    Instant now() {
        return ctx.clock.instant();
    }

    StreamMode mode() {
        return overrides.modeOverride().orElse(ctx.settings.mode());
    }

    Quality quality() {
        return stored.chosenQuality().or(overrides::qualityOverride).orElse(ctx.settings.quality());
    }

    /** The account's data with the LAN IP to use: pinned by command, else from the options, else Wyze's. */
    CameraInfo info() {
        if (!stored.lanIp().isEmpty()) {
            return cloudInfo.withLanIp(stored.lanIp());
        }
        return overrides.lanIp().isEmpty() ? cloudInfo : cloudInfo.withLanIp(overrides.lanIp());
    }

    boolean streaming() {
        return attempt != null && attempt.streaming;
    }

    boolean waitingForTurn() {
        return ctx.queue.isWaiting(id);
    }

    /** Waiting for a backoff retry (not the slow retries of the error state). */
    boolean inBackoff() {
        return retry != null && !streak.inError();
    }

    boolean demanded() {
        return lastDemand != null && now().isBefore(lastDemand.plus(ctx.settings.idleTimeout()));
    }

    /** Whether a session should exist (or be on its way) now. */
    boolean wanted() {
        return overrides.enabled()
                && stored.streamOn()
                && (mode() == StreamMode.ALWAYS || demanded() || snapshots.holdsSession());
    }

    /** Brings sessions in line with {@link #wanted()}, then publishes. */
    void reconcile(String cause) {
        if (wanted()) {
            if (attempt == null && retry == null && !waitingForTurn()) {
                ctx.queue.add(id);
            }
        } else if (attempt != null || retry != null || waitingForTurn()) {
            stopSession(cause);
        }
        view.publish();
    }

    /** Ends any session, retry or queued turn, and forgets the failure streak. */
    void stopSession(String cause) {
        boolean wasStreaming = streaming();
        endAttempt();
        if (wasStreaming) {
            event(new CameraEvent.StreamStopped(now(), cause));
            LOG.info("Camera {}: stream stopped ({})", label(), cause);
        }
        cancelRetry();
        ctx.queue.remove(id);
        streak.reset();
        reconnecting = false;
        reason = null;
        detail = "";
    }

    /** Tears the session down and queues a new one at once (restart, quality change). */
    void restart(String cause) {
        boolean wasActive = attempt != null || retry != null;
        boolean wasStreaming = streaming();
        endAttempt();
        if (wasStreaming) {
            event(new CameraEvent.StreamStopped(now(), cause));
        }
        cancelRetry();
        streak.reset();
        reason = null;
        detail = "";
        reconnecting = wasActive;
        reconcile(cause);
    }

    /** Makes a new current attempt; stale callbacks of the previous one are ignored from now on. */
    Attempt newAttempt(boolean fresh) {
        Attempt a = new Attempt(++epochs, fresh, quality(), ctx.clock, this);
        attempt = a;
        live = a;
        return a;
    }

    @Override
    public boolean isCurrent(Attempt a) {
        return live == a;
    }

    @Override
    public void onLane(Runnable task) {
        ctx.scheduler.execute(guarded(task));
    }

    /** Wraps a task of this camera: a RuntimeException is logged and restarts through the backoff. */
    Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                crash(e);
            }
        };
    }

    void crash(RuntimeException e) {
        LOG.error("Camera {}: internal error; reconnecting through the backoff", label(), e);
        try {
            endAttempt();
            cancelRetry();
            ctx.queue.remove(id);
            ctx.queue.release(id);
            failed(FailureReason.INTERNAL, e.toString(), null, false, true);
        } catch (RuntimeException again) {
            LOG.error("Camera {}: could not recover from an internal error", label(), again);
        }
    }

    @Override
    public void streaming(Attempt a, Transport transport) {
        if (a != attempt || a.streaming) {
            return;
        }
        try {
            a.attachMedia(ctx.media.open(info(), slug));
        } catch (RuntimeException e) {
            LOG.warn("Camera {}: the media output could not start: {}", label(), e.toString());
            endAttempt();
            failed(FailureReason.MEDIA, e.getMessage(), null, false, true);
            return;
        }
        a.transport = transport;
        a.streamSince = now();
        a.phase = "streaming";
        a.streaming = true;
        ctx.queue.release(id);
        sessions++;
        streak.streaming();
        reconnecting = false;
        unreachable = false;
        reason = null;
        detail = "";
        LOG.info("Camera {}: streaming over {}", label(), transport.wire());
        updateAvailability();
        event(new CameraEvent.StreamStarted(now(), transport));
        snapshots.sessionStarted(a);
        view.publish();
    }

    @Override
    public void ended(Attempt a, FailureReason why, String reported) {
        if (a != attempt) {
            LOG.debug("Camera {}: ignoring the end of stale session #{}", label(), a.epoch);
            return;
        }
        boolean wasStreaming = a.streaming;
        FailureReason r = why == null ? FailureReason.STREAM_STALLED : why;
        endAttempt();
        if (wasStreaming) {
            event(new CameraEvent.StreamStopped(now(), r.code()));
            LOG.info("Camera {}: stream ended ({})", label(), r.code());
            streak.streamEnded(a.streamSince, now());
        }
        failed(r, why == null ? "the session ended" : reported, null, true, a.freshCredential);
    }

    /**
     * Records a failed attempt and schedules the next one as {@link FailureTracker} decides.
     *
     * @param p2p whether the camera or P2P server answered this (availability and discovery count it)
     */
    void failed(FailureReason r, String d, Instant retryAfter, boolean p2p, boolean usedFresh) {
        reason = r;
        detail = d == null ? "" : d;
        if (p2p) {
            unreachable = UNREACHABLE.contains(r);
            unreachableReason = unreachable ? r : null;
            if (streak.countForDiscovery(r)) {
                LOG.info("Camera {}: repeated {} failures; discovering the P2P server afresh", label(), r.code());
                ctx.connector.invalidateDiscovery();
            }
            updateAvailability();
        }
        snapshots.sessionFailed(r);
        if (!wanted()) {
            reconcile(r.code());
            return;
        }
        reconnecting = true;
        FailureTracker.Next next = streak.failed(r, usedFresh, now(), retryAfter);
        if (next.freshNow()) {
            LOG.debug("Camera {}: credential rejected; trying once with a fresh one", label());
            ctx.queue.add(id);
            view.publish();
            return;
        }
        retryDelay = next.delay();
        String wait = StatusText.human(next.delay());
        if (next.enteredError()) {
            LOG.warn(
                    "Camera {}: {} straight failures ({}); retrying every {}",
                    label(),
                    streak.failures(),
                    r.code(),
                    StatusText.human(BackoffPolicy.ERROR_RETRY));
            event(new CameraEvent.StreamFailed(now(), r, detail));
        } else if (streak.failures() == 1) {
            LOG.info("Camera {}: attempt failed ({}: {}); retrying in {}", label(), r.code(), detail, wait);
        } else {
            LOG.debug("Camera {}: failure {} ({}); retrying in {}", label(), streak.failures(), r.code(), wait);
        }
        retry = ctx.scheduler.schedule(next.delay(), guarded(this::retryDue));
        view.publish();
    }

    private void retryDue() {
        retry = null;
        reconcile("retry");
    }

    /** The account sent fresh data (nickname, firmware, online flag); the slug stays. */
    void updateInfo(CameraInfo info) {
        cloudInfo = info;
        view.publish();
    }

    /** Recomputes reachability and announces a change once. */
    void updateAvailability() {
        boolean now = streaming() || (cloudInfo.cloudOnline() && !unreachable);
        if (now == available) {
            return;
        }
        available = now;
        if (now) {
            LOG.info("Camera {} is online", label());
            event(new CameraEvent.CameOnline(now()));
        } else {
            FailureReason why = unreachable ? unreachableReason : FailureReason.CAMERA_UNREACHABLE;
            LOG.info("Camera {} is offline ({})", label(), why.code());
            event(new CameraEvent.WentOffline(now(), why));
        }
    }

    /** Forgets the current attempt: closes its session and media off the lane, frees its turn. */
    void endAttempt() {
        Attempt a = attempt;
        if (a == null) {
            return;
        }
        attempt = null;
        live = null;
        ctx.queue.release(id);
        if (a.connection != null || a.media() != null) {
            ctx.scheduler.offload(() -> a.close(label()));
        }
    }

    /** Closes the current session and media on this thread (bridge shutdown). */
    void shutdown() {
        Attempt a = attempt;
        attempt = null;
        live = null;
        cancelRetry();
        ctx.queue.remove(id);
        if (a != null) {
            a.close(label());
        }
    }

    void cancelRetry() {
        if (retry != null) {
            retry.cancel();
            retry = null;
            retryDelay = null;
        }
    }

    void event(CameraEvent e) {
        ctx.listeners.event(id, e);
    }

    /** Completes a command once; a refusal is also published as {@code command_failed}. */
    void answer(CompletableFuture<CommandResult> f, CameraCommand c, CommandResult r) {
        if (f.isDone()) {
            return;
        }
        if (!r.ok()) {
            LOG.debug("Camera {}: {} command refused ({})", label(), c.name(), r.reason());
            event(new CameraEvent.CommandFailed(now(), c.name(), r.reason()));
        }
        f.complete(r);
    }

    /** The periodic check: deadman, set-up timeout, idle timeout, snapshots, live figures. */
    void tick() {
        Watchdog.check(this);
        if (!wanted() && (attempt != null || retry != null || waitingForTurn())) {
            reconcile("idle");
        }
        snapshots.tick();
        view.publish();
    }
}
