package dev.gwellbridge.h264;

import java.util.Optional;

/**
 * What the bridge needs from a sequence parameter set: the picture size after cropping and the
 * frame rate the encoder declared in its VUI timing information, if any.
 *
 * @param profileIdc e.g. 66 baseline, 77 main, 100 high
 * @param levelIdc level × 10, e.g. 31 for level 3.1
 * @param width luma width in pixels after cropping
 * @param height luma height in pixels after cropping
 * @param frameRate {@code time_scale / (2 × num_units_in_tick)}, empty without timing information
 *     or when the values are implausible
 */
public record Sps(int profileIdc, int levelIdc, int width, int height, Optional<FrameRate> frameRate) {}
