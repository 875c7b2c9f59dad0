package dev.gwellbridge.sim;

/**
 * The test pattern a simulator generates once with ffmpeg when no H.264 file is given: {@code
 * testsrc2}, baseline profile, constant bitrate, SPS/PPS repeated before each keyframe.
 *
 * @param width picture width
 * @param height picture height
 * @param fps frames per second
 * @param seconds length of one pass (the camera loops it)
 * @param kbps bitrate in kbit/s
 */
public record TestPattern(int width, int height, int fps, int seconds, int kbps) {
    /** A realistic camera stream: 1280×720, 20 fps, about 1 Mbit/s, 10 s. */
    public static final TestPattern DEFAULT = new TestPattern(1280, 720, 20, 10, 1000);

    public TestPattern {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("picture size must be even and at least 16x16");
        }
        if (fps < 1 || fps > 120 || seconds < 1 || kbps < 10) {
            throw new IllegalArgumentException("fps 1..120, seconds >= 1 and kbps >= 10 required");
        }
    }

    /** The cache file name: every parameter is in it, so a changed pattern is generated anew. */
    String fileName() {
        return "testsrc2-" + width + "x" + height + "-" + fps + "fps-" + seconds + "s-" + kbps + "k.h264";
    }
}
