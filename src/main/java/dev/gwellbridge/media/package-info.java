/**
 * H.264 hand-off to ffmpeg: argument lists built as data, a supervised ffmpeg process per camera
 * publishing RTSP and writing HLS, and JPEG snapshots.
 *
 * <p>The session never blocks on a pipe: input goes through a bounded queue that drops to the next
 * keyframe when full. Each process gets a writer thread and a stderr drainer.
 */
package dev.gwellbridge.media;
