package dev.gwellbridge.camera;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera's turn in the handshake queue: a new attempt fetches its credential off the lane (the
 * cloud call may block for seconds), then opens the P2P session on the lane. A cloud failure ends
 * the attempt as {@code rate_limited} or {@code cloud}, honouring the cloud's retry-after.
 */
final class SessionSetup {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSetup.class);

    private SessionSetup() {}

    /** Starts an attempt if the camera still wants one; otherwise hands the turn back. */
    static void begin(CameraWorker w) {
        if (!w.wanted() || w.attempt != null) {
            w.ctx.queue.release(w.id);
            w.view.publish();
            return;
        }
        Attempt a = w.newAttempt(w.streak.takeFresh());
        LOG.debug("Camera {}: session #{} set-up starts (fresh credential: {})", w.label(), a.epoch, a.freshCredential);
        w.view.publish();
        w.ctx.scheduler.offload(() -> fetchCredential(w, a));
    }

    /** Runs off the lane. */
    private static void fetchCredential(CameraWorker w, Attempt a) {
        try {
            P2pCredential c = w.ctx.credentials.credential(w.id, a.freshCredential);
            w.onLane(() -> open(w, a, c));
        } catch (CredentialException e) {
            FailureReason r = "rate_limited".equals(e.code()) ? FailureReason.RATE_LIMITED : FailureReason.CLOUD;
            w.onLane(() -> cloudFailed(w, a, r, e.getMessage(), e));
        } catch (RuntimeException e) {
            LOG.error("Camera {}: fetching the credential failed", w.label(), e);
            w.onLane(() -> cloudFailed(w, a, FailureReason.CLOUD, e.toString(), null));
        }
    }

    private static void open(CameraWorker w, Attempt a, P2pCredential credential) {
        if (a != w.attempt) {
            return;
        }
        a.phase = "connect";
        w.ctx.queue.opening(w.id);
        a.connection =
                w.ctx.connector.open(new StreamRequest(w.info(), credential, a.quality, w.overrides.transport()), a);
    }

    private static void cloudFailed(CameraWorker w, Attempt a, FailureReason r, String detail, CredentialException e) {
        if (a != w.attempt) {
            return;
        }
        w.endAttempt();
        w.failed(r, detail, e == null ? null : e.retryAfter().orElse(null), false, true);
    }
}
