package dev.gwellbridge.camera;

/** Creates media outputs. Implemented by the media layer. */
public interface MediaPort {

    /**
     * Starts the output of one camera's stream (RTSP publish to {@code <rtsp base>/<slug>} and HLS
     * under {@code hls/<slug>/}).
     */
    MediaSession open(CameraInfo camera, String slug);

    /** The LAN URLs players use for a camera (no credentials). */
    StreamUrls urls(String slug);
}
