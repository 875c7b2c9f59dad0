package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's session life cycle: wanting a session, waiting for a handshake turn, fetching the
 * credential, opening the session and the media output, and reacting to streaming, failures,
 * stalls and idle timeouts with the backoff of HA-INTEGRATION §5.7.
 *
 * <p>Confined to the supervisor's serial lane, except {@link #isCurrent}, which session threads
 * call. Commands are carried out by {@link CameraCommands}; snapshots by {@link Snapshots}.
 */
final class CameraWorker implements Attempt.Owner {
    private static final Logger LOG = LoggerFactory.getLogger(CameraWorker.class);
    /** A stream that lasted this long ends a failure streak. */
    static final Duration STABLE = Duration.ofSeconds(60);
    /** Session set-up (credential, handshake) that takes longer than this is abandoned. */
    static final Duration SETUP_TIMEOUT = Duration.ofSeconds(150);
    /** Straight failures of these kinds make the connector discover the P2P server afresh. */
    static final int DISCOVERY_AFTER = 3;

    private static final Set<FailureReason> DISCOVERY_REASONS =
            EnumSet.of(FailureReason.SERVER_UNREACHABLE, FailureReason.AUTH, FailureReason.DEVICE_NOT_FOUND);
    private static final Set<FailureReason> UNREACHABLE =
            EnumSet.of(FailureReason.CAMERA_UNREACHABLE, FailureReason.DEVICE_NOT_FOUND);

    final CameraId id;
    final String slug;
    final CameraSettings overrides;
    final SupervisorContext ctx;
    final Snapshots snapshots;
    final WorkerState view;

    CameraInfo cloudInfo;
    StoredCamera stored;
    Attempt attempt;
    private volatile Attempt live;
    Scheduler.Task retry;
    Duration retryDelay;
    boolean reconnecting;
    int failures;
    private int discoveryFailures;
    FailureReason reason;
    String detail = "";
    boolean unreachable;
    FailureReason unreachableReason;
    boolean available;
    private boolean freshNext;
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
        this.snapshots = new Snapshots(this);
        this.view = new WorkerState(this);
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
        return retry != null && !BackoffPolicy.isError(failures);
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
        failures = 0;
        reconnecting = false;
        freshNext = false;
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
        failures = 0;
        reason = null;
        detail = "";
        reconnecting = wasActive;
        reconcile(cause);
    }

    /** The handshake queue gave this camera its turn. */
    void turn() {
        if (!wanted() || attempt != null) {
            ctx.queue.release(id);
            view.publish();
            return;
        }
        Attempt a = new Attempt(++epochs, freshNext, quality(), ctx.clock, this);
        freshNext = false;
        attempt = a;
        live = a;
        LOG.debug("Camera {}: session #{} set-up starts (fresh credential: {})", label(), a.epoch, a.freshCredential);
        view.publish();
        ctx.scheduler.offload(() -> fetchCredential(a));
    }

    private void fetchCredential(Attempt a) {
        try {
            P2pCredential c = ctx.credentials.credential(id, a.freshCredential);
            onLane(() -> credentialReady(a, c));
        } catch (CredentialException e) {
            onLane(() -> credentialFailed(a, e));
        } catch (RuntimeException e) {
            LOG.error("Camera {}: fetching the credential failed", label(), e);
            onLane(() -> {
                if (a == attempt) {
                    endAttempt();
                    failed(FailureReason.CLOUD, e.toString(), null, false, true);
                }
            });
        }
    }

    private void credentialReady(Attempt a, P2pCredential credential) {
        if (a != attempt) {
            return;
        }
        a.phase = "connect";
        ctx.queue.opening(id);
        a.connection = ctx.connector.open(new StreamRequest(info(), credential, a.quality), a);
    }

    private void credentialFailed(Attempt a, CredentialException e) {
        if (a != attempt) {
            return;
        }
        endAttempt();
        FailureReason r = "rate_limited".equals(e.code()) ? FailureReason.RATE_LIMITED : FailureReason.CLOUD;
        failed(r, e.getMessage(), e.retryAfter().orElse(null), false, true);
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
        MediaSession m;
        try {
            m = ctx.media.open(info(), slug);
        } catch (RuntimeException e) {
            LOG.warn("Camera {}: the media output could not start: {}", label(), e.toString());
            endAttempt();
            failed(FailureReason.MEDIA, e.getMessage(), null, false, true);
            return;
        }
        a.media = m;
        a.transport = transport;
        a.streamSince = now();
        a.phase = "streaming";
        a.streaming = true;
        ctx.queue.release(id);
        sessions++;
        reconnecting = false;
        discoveryFailures = 0;
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
        String d = why == null ? "the session ended" : reported;
        endAttempt();
        if (wasStreaming) {
            event(new CameraEvent.StreamStopped(now(), r.code()));
            LOG.info("Camera {}: stream ended ({})", label(), r.code());
            if (!now().isBefore(a.streamSince.plus(STABLE))) {
                failures = 0;
            }
        }
        failed(r, d, null, true, a.freshCredential);
    }

    /** Checks the deadman and the set-up timeout (every few seconds). */
    void checkAlive() {
        Attempt a = attempt;
        if (a == null) {
            return;
        }
        Instant now = now();
        if (a.streaming) {
            Instant last = a.lastVideo().filter(t -> t.isAfter(a.streamSince)).orElse(a.streamSince);
            if (!now.isBefore(last.plus(ctx.settings.deadman()))) {
                String d = "no video for " + StatusText.human(Duration.between(last, now));
                LOG.info("Camera {}: stream stalled ({}); reconnecting", label(), d);
                ended(a, FailureReason.STREAM_STALLED, d);
            }
        } else if (!now.isBefore(a.started.plus(SETUP_TIMEOUT))) {
            LOG.warn("Camera {}: session set-up did not finish in {}", label(), StatusText.human(SETUP_TIMEOUT));
            if (a.connection == null) {
                endAttempt();
                failed(FailureReason.CLOUD, "no credential in time", null, false, a.freshCredential);
            } else {
                ended(a, FailureReason.INTERNAL, "session set-up did not finish in time");
            }
        }
    }

    /**
     * Records a failed attempt and schedules the next one: at once with a fresh credential after a
     * first auth failure, else after the backoff (at least until the cloud's retry-after).
     *
     * @param p2p whether the camera or P2P server answered this (availability and discovery count it)
     */
    void failed(FailureReason r, String d, Instant retryAfter, boolean p2p, boolean usedFresh) {
        reason = r;
        detail = d == null ? "" : d;
        if (p2p) {
            unreachable = UNREACHABLE.contains(r);
            unreachableReason = unreachable ? r : null;
            countForDiscovery(r);
            updateAvailability();
        }
        snapshots.sessionFailed(r);
        if (!wanted()) {
            reconcile(r.code());
            return;
        }
        reconnecting = true;
        if (r == FailureReason.AUTH && !usedFresh) {
            if (failures == 0) {
                LOG.info("Camera {}: credential rejected; trying once with a fresh one", label());
            } else {
                LOG.debug("Camera {}: credential rejected; trying once with a fresh one", label());
            }
            freshNext = true;
            ctx.queue.add(id);
            view.publish();
            return;
        }
        failures++;
        Duration delay = ctx.backoff.delay(failures);
        if (retryAfter != null && retryAfter.isAfter(now().plus(delay))) {
            delay = Duration.between(now(), retryAfter);
        }
        retryDelay = delay;
        if (failures == BackoffPolicy.ERROR_AFTER) {
            LOG.warn(
                    "Camera {}: {} straight failures ({}); retrying every {}",
                    label(),
                    failures,
                    r.code(),
                    StatusText.human(BackoffPolicy.ERROR_RETRY));
            event(new CameraEvent.StreamFailed(now(), r, detail));
        } else if (failures == 1) {
            LOG.info(
                    "Camera {}: attempt failed ({}: {}); retrying in {}",
                    label(),
                    r.code(),
                    detail,
                    StatusText.human(delay));
        } else {
            LOG.debug(
                    "Camera {}: attempt failed ({}: {}); retry {} in {}",
                    label(),
                    r.code(),
                    detail,
                    failures,
                    StatusText.human(delay));
        }
        retry = ctx.scheduler.schedule(delay, guarded(this::retryDue));
        view.publish();
    }

    private void retryDue() {
        retry = null;
        reconcile("retry");
    }

    private void countForDiscovery(FailureReason r) {
        if (!DISCOVERY_REASONS.contains(r)) {
            discoveryFailures = 0;
            return;
        }
        if (++discoveryFailures >= DISCOVERY_AFTER) {
            LOG.info(
                    "Camera {}: {} straight {} failures; discovering the P2P server afresh",
                    label(),
                    discoveryFailures,
                    r.code());
            discoveryFailures = 0;
            ctx.connector.invalidateDiscovery();
        }
    }

    /** The account sent fresh data (nickname, firmware, online flag); the slug stays. */
    void updateInfo(CameraInfo info) {
        cloudInfo = info;
        updateAvailability();
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
        StreamConnection c = a.connection;
        MediaSession m = a.media;
        if (c != null || m != null) {
            ctx.scheduler.offload(() -> closeQuietly(a, c, m));
        }
    }

    /** Closes the current session and media on this thread (bridge shutdown). */
    void shutdown() {
        Attempt a = attempt;
        attempt = null;
        live = null;
        cancelRetry();
        if (a != null) {
            closeQuietly(a, a.connection, a.media);
        }
    }

    private void closeQuietly(Attempt a, StreamConnection c, MediaSession m) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Camera {}: closing session #{} failed: {}", label(), a.epoch, e.toString());
        }
        try {
            if (m != null) {
                m.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Camera {}: closing the media output failed: {}", label(), e.toString());
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
        checkAlive();
        if (!wanted() && (attempt != null || retry != null || waitingForTurn())) {
            reconcile("idle");
        }
        snapshots.tick();
        view.publish();
    }
}
