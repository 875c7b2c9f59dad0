package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns a worker's facts into the immutable {@link CameraState} outputs see, and publishes it:
 * every change goes to the readers' map; listeners hear of a change at once, and of a change in the
 * live figures alone at most every {@link #STATS_EVERY}.
 */
final class WorkerState {
    static final Duration STATS_EVERY = Duration.ofSeconds(30);

    private final CameraWorker w;
    private CameraState last;
    private Instant lastNotified;

    WorkerState(CameraWorker w) {
        this.w = w;
    }

    CameraStatus status() {
        if (!w.overrides.enabled()) {
            return CameraStatus.DISABLED;
        }
        if (w.streaming()) {
            return CameraStatus.STREAMING;
        }
        if (w.attempt != null || w.waitingForTurn()) {
            return w.reconnecting ? CameraStatus.RECONNECTING : CameraStatus.STARTING;
        }
        if (w.retry != null) {
            if (w.streak.inError()) {
                return CameraStatus.ERROR;
            }
            return w.unreachable ? CameraStatus.OFFLINE : CameraStatus.BACKOFF;
        }
        return w.available ? CameraStatus.IDLE : CameraStatus.OFFLINE;
    }

    /** The latest published state (built now if none was). */
    CameraState current() {
        return last == null ? build() : last;
    }

    /** Builds the state and publishes it if it changed. */
    void publish() {
        w.updateAvailability();
        CameraState s = build();
        w.ctx.states.put(w.id, s);
        CameraState before = last;
        last = s;
        boolean changed = before == null || !strip(before).equals(strip(s));
        boolean statsDue = before != null
                && !before.stats().equals(s.stats())
                && (lastNotified == null || !s.updatedAt().isBefore(lastNotified.plus(STATS_EVERY)));
        if (changed || statsDue) {
            lastNotified = s.updatedAt();
            w.ctx.listeners.state(s);
        }
    }

    CameraState build() {
        CameraStatus status = status();
        FailureReason textReason = switch (status) {
            case RECONNECTING, BACKOFF, ERROR -> w.reason;
            case OFFLINE -> w.reason != null ? w.reason : w.unreachableReason;
            default -> null;
        };
        FailureReason reason =
                status == CameraStatus.OFFLINE && textReason == null ? FailureReason.CAMERA_UNREACHABLE : textReason;
        Attempt a = w.attempt;
        Transport transport = a != null && a.streaming ? a.transport : Transport.NONE;
        String message = StatusText.of(new StatusText.Facts(
                status,
                textReason,
                w.detail,
                w.stored.streamOn(),
                w.mode(),
                w.waitingForTurn(),
                transport,
                w.retryDelay,
                w.streak.failures()));
        return new CameraState(
                w.info(),
                w.slug,
                status,
                reason,
                message,
                w.stored.streamOn(),
                w.available,
                w.overrides.enabled(),
                w.quality(),
                w.mode(),
                transport,
                stats(a),
                w.now());
    }

    private CameraStats stats(Attempt a) {
        long reconnects = Math.max(0, w.sessions - 1);
        if (a == null || !a.streaming) {
            return new CameraStats(0, 0, reconnects, -1, null, 0, 0, 0);
        }
        MediaStats ms;
        MediaSession m = a.media();
        try {
            ms = m == null ? MediaStats.NONE : m.stats();
        } catch (RuntimeException e) {
            ms = MediaStats.NONE;
        }
        Instant now = w.now();
        double age = a.lastVideo()
                .map(t -> Math.max(0, Duration.between(t, now).toMillis()) / 1000.0)
                .orElse(-1.0);
        return new CameraStats(
                ms.fps(), ms.bitrateKbps(), reconnects, age, a.streamSince, a.bytes(), ms.droppedFrames(), 0);
    }

    private static CameraState strip(CameraState s) {
        return s.withStats(CameraStats.EMPTY, Instant.EPOCH);
    }
}
