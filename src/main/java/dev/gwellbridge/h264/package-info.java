/**
 * H.264 Annex B elementary streams: NAL unit splitting across arbitrary chunk boundaries, access-unit
 * assembly with keyframe detection, and SPS parsing (picture size, declared frame rate).
 *
 * <p>Shared by the media pipeline (which feeds ffmpeg) and the simulator (which paces a source file
 * frame by frame). JDK only; instances are not thread-safe and are confined to their caller.
 */
package dev.gwellbridge.h264;
