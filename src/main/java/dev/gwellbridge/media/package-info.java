/**
 * H.264 hand-off to ffmpeg: Annex B splitting and picture assembly, an SPS parser for size and
 * frame rate, argument lists built as data, a supervised ffmpeg process per camera publishing RTSP
 * and writing HLS, and JPEG snapshots.
 *
 * <p>Flow: {@code MediaSession.offer} (stream thread) → {@link dev.gwellbridge.media.AnnexBSplitter}
 * → {@link dev.gwellbridge.media.AccessUnitAssembler} → {@link dev.gwellbridge.media.FrameQueue}
 * → writer thread → ffmpeg stdin. The session never blocks on a pipe: the queue is bounded and
 * drops to the next keyframe when full.
 *
 * <p>Threads per camera: {@code ffmpeg-<slug>-writer} (owns the process), {@code
 * ffmpeg-<slug>-stderr} (progress and log lines), and short-lived {@code ffmpeg-<slug>-snapshot}
 * threads; one {@code media-watchdog} thread is shared.
 *
 * <p>Failure behaviour: when ffmpeg exits it is restarted at the next keyframe after 0.5 s, 1 s,
 * 2 s, 5 s, 10 s, then every 30 s (reset after 30 s of running). When the RTSP server is down,
 * ffmpeg keeps writing HLS and retries the RTSP output in place every 2 s (tee + fifo recovery),
 * without a process restart.
 */
package dev.gwellbridge.media;
