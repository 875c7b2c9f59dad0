package dev.gwellbridge.mqtt;

import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.Transport;
import java.time.Instant;

/** Copies of camera states with one thing changed. */
final class FakeStates {
    private FakeStates() {}

    static CameraState withQuality(CameraState s, Quality q) {
        return s.withQuality(q);
    }

    static CameraState withStats(CameraState s, CameraStats stats) {
        return s.withStats(stats, s.updatedAt());
    }

    static CameraState withMessage(CameraState s, String message) {
        return s.withMessage(message);
    }

    static CameraState withSlug(CameraState s, String slug) {
        return withInfo(s, s.info(), slug);
    }

    static CameraState withInfo(CameraState s, CameraInfo info, String slug) {
        return s.withInfo(info, slug);
    }

    /** The camera stopped answering: offline, unreachable, stream switch unchanged. */
    static CameraState unreachable(CameraState s, Instant at) {
        return new CameraState(
                s.info(),
                s.slug(),
                CameraStatus.OFFLINE,
                FailureReason.CAMERA_UNREACHABLE,
                FailureReason.CAMERA_UNREACHABLE.message(),
                s.streamOn(),
                false,
                s.enabled(),
                s.quality(),
                s.mode(),
                Transport.NONE,
                CameraStats.EMPTY,
                at);
    }
}
