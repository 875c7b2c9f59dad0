package dev.gwellbridge.camera;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of one camera, as every output (MQTT, page, media) sees it.
 *
 * @param info identity and account data
 * @param slug the frozen topic and stream-path name, e.g. {@code front_door}
 * @param status what the stream is doing
 * @param reason why it is not streaming, or null
 * @param message a plain-English sentence matching status and reason
 * @param streamOn the user's intent (the stream switch), persisted
 * @param available whether the camera is reachable (cloud says online and the last attempt did not
 *     find it unreachable)
 * @param enabled false when the camera is switched off in the options
 */
public record CameraState(
        CameraInfo info,
        String slug,
        CameraStatus status,
        FailureReason reason,
        String message,
        boolean streamOn,
        boolean available,
        boolean enabled,
        Quality quality,
        StreamMode mode,
        Transport transport,
        CameraStats stats,
        Instant updatedAt) {

    public CameraState {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public CameraId id() {
        return info.id();
    }

    public Optional<FailureReason> failure() {
        return Optional.ofNullable(reason);
    }

    /** This state with other identity data and slug. */
    public CameraState withInfo(CameraInfo newInfo, String newSlug) {
        return new CameraState(
                newInfo, newSlug, status, reason, message, streamOn, available, enabled, quality, mode, transport,
                stats, updatedAt);
    }

    /** This state with another quality. */
    public CameraState withQuality(Quality newQuality) {
        return new CameraState(
                info,
                slug,
                status,
                reason,
                message,
                streamOn,
                available,
                enabled,
                newQuality,
                mode,
                transport,
                stats,
                updatedAt);
    }

    /** This state with another plain-English message. */
    public CameraState withMessage(String newMessage) {
        return new CameraState(
                info,
                slug,
                status,
                reason,
                newMessage,
                streamOn,
                available,
                enabled,
                quality,
                mode,
                transport,
                stats,
                updatedAt);
    }

    /** This state with other figures, as of the given time. */
    public CameraState withStats(CameraStats newStats, Instant at) {
        return new CameraState(
                info, slug, status, reason, message, streamOn, available, enabled, quality, mode, transport, newStats,
                at);
    }
}
