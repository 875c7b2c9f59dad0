package dev.gwellbridge.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the media layer finds ffmpeg, where it publishes and what it tells players.
 *
 * @param ffmpeg the ffmpeg executable (a name on the PATH or a path)
 * @param rtspPublishBase the RTSP server ffmpeg publishes to, without a trailing slash; the camera
 *     path is appended ({@code rtsp://127.0.0.1:8554} → {@code rtsp://127.0.0.1:8554/front_door});
 *     may carry publish credentials, which are masked in logs
 * @param dataDir the add-on's data folder: HLS goes to {@code hls/<slug>/}, snapshots to {@code
 *     snapshots/<slug>.jpg}
 * @param advertiseHost the host put into the URLs players get (the LAN address of the machine)
 * @param rtspPort the RTSP server's port as players reach it
 * @param hlsPort the RTSP server's own HLS port as players reach it
 */
public record MediaSettings(
        String ffmpeg, String rtspPublishBase, Path dataDir, String advertiseHost, int rtspPort, int hlsPort) {

    public MediaSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        ffmpeg = require(ffmpeg, "ffmpeg");
        rtspPublishBase = require(rtspPublishBase, "rtsp publish base");
        while (rtspPublishBase.endsWith("/")) {
            rtspPublishBase = rtspPublishBase.substring(0, rtspPublishBase.length() - 1);
        }
        if (!rtspPublishBase.startsWith("rtsp://") && !rtspPublishBase.startsWith("rtsps://")) {
            throw new IllegalArgumentException("rtsp publish base must start with rtsp:// or rtsps://");
        }
        advertiseHost = require(advertiseHost, "advertise host");
        checkPort(rtspPort, "rtsp_port");
        checkPort(hlsPort, "hls_port");
        if (dataDir.toString().contains("%")) {
            // ffmpeg's HLS muxer derives the segment name pattern from the playlist path.
            throw new IllegalArgumentException("data directory must not contain '%': " + dataDir);
        }
    }

    /**
     * The usual set-up: ffmpeg from the PATH, publishing to the RTSP server on this machine at
     * {@code rtspPort}.
     */
    public static MediaSettings of(Path dataDir, String advertiseHost, int rtspPort, int hlsPort) {
        return new MediaSettings("ffmpeg", "rtsp://127.0.0.1:" + rtspPort, dataDir, advertiseHost, rtspPort, hlsPort);
    }

    public MediaSettings withFfmpeg(String path) {
        return new MediaSettings(path, rtspPublishBase, dataDir, advertiseHost, rtspPort, hlsPort);
    }

    public MediaSettings withRtspPublishBase(String base) {
        return new MediaSettings(ffmpeg, base, dataDir, advertiseHost, rtspPort, hlsPort);
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(name + " must not contain whitespace");
        }
        return value;
    }

    private static void checkPort(int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 1 to 65535, not " + port);
        }
    }
}
