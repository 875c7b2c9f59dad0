package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadman (GWELL-PROTOCOL §11.8): a streaming session without H.264 for the configured time is
 * ended as stalled and reconnected through the backoff; a set-up that neither streams nor fails
 * within {@link #SETUP_TIMEOUT} is abandoned, so it cannot hold the handshake slot forever. Called
 * on the serial lane every few seconds.
 */
final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    /** Session set-up (credential, handshake) that takes longer than this is abandoned. */
    static final Duration SETUP_TIMEOUT = Duration.ofSeconds(150);

    private Watchdog() {}

    static void check(CameraWorker w) {
        Attempt a = w.attempt;
        if (a == null) {
            return;
        }
        Instant now = w.now();
        if (a.streaming) {
            Instant last = a.lastVideo().filter(t -> t.isAfter(a.streamSince)).orElse(a.streamSince);
            if (!now.isBefore(last.plus(w.ctx.settings.deadman()))) {
                String d = "no video for " + StatusText.human(Duration.between(last, now));
                LOG.info("Camera {}: stream stalled ({}); reconnecting", w.label(), d);
                w.ended(a, FailureReason.STREAM_STALLED, d);
            }
        } else if (!now.isBefore(a.started.plus(SETUP_TIMEOUT))) {
            LOG.warn("Camera {}: session set-up did not finish in {}", w.label(), StatusText.human(SETUP_TIMEOUT));
            if (a.connection == null) {
                w.endAttempt();
                w.failed(FailureReason.CLOUD, "no credential in time", null, false, a.freshCredential);
            } else {
                w.ended(
                        a,
                        FailureReason.INTERNAL,
                        "session set-up did not finish in time (last phase: " + a.phase + ")");
            }
        }
    }
}
