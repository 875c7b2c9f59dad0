package dev.gwellbridge.camera;

/**
 * Figures of one media output.
 *
 * @param alive whether the output process runs now
 * @param restarts how often it was restarted
 * @param fps frames per second as measured
 * @param bitrateKbps kilobits per second as measured
 * @param droppedFrames frames dropped because the output could not keep up
 */
public record MediaStats(boolean alive, int restarts, double fps, double bitrateKbps, long droppedFrames) {

    public static final MediaStats NONE = new MediaStats(false, 0, 0, 0, 0);
}
