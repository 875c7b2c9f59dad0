package dev.gwellbridge.camera;

import java.time.Instant;
import java.util.Optional;

/**
 * Live figures of a camera's stream.
 *
 * @param fps frames per second over the last measurement window
 * @param bitrateKbps kilobits per second over the last measurement window
 * @param reconnects sessions started after the first one since the bridge started
 * @param lastFrameAgeSeconds seconds since the last H.264 bytes, or -1 when none yet
 * @param streamSince when the current stream started, or null when not streaming
 * @param bytes H.264 bytes received in the current session
 * @param droppedFrames frames dropped because a consumer could not keep up
 * @param clients viewers reading the stream, when known
 */
public record CameraStats(
        double fps,
        double bitrateKbps,
        long reconnects,
        double lastFrameAgeSeconds,
        Instant streamSince,
        long bytes,
        long droppedFrames,
        int clients) {

    /** No stream yet. */
    public static final CameraStats EMPTY = new CameraStats(0, 0, 0, -1, null, 0, 0, 0);

    public Optional<Instant> since() {
        return Optional.ofNullable(streamSince);
    }
}
