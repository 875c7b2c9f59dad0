package dev.gwellbridge.media;

import java.time.Duration;
import java.util.List;

/**
 * Limits and timings of the media pipeline. {@link #DEFAULT} suits cameras of up to 1080p at 20
 * fps; tests shorten the timings.
 *
 * @param queueFrames pictures waiting for ffmpeg at most (100 ≈ 5 s at 20 fps)
 * @param queueBytes bytes waiting for ffmpeg at most
 * @param maxPictureBytes larger pictures are treated as corrupt and dropped
 * @param hlsSegmentSeconds target HLS segment length (cut at keyframes)
 * @param hlsListSize segments listed in the playlist
 * @param outputRetry how often ffmpeg retries an output that failed (RTSP server down), in process
 * @param restartSteps delays before restarting ffmpeg after it exited, growing with each failure
 * @param stableAfter a run at least this long resets the restart delays
 * @param stallTimeout ffmpeg is killed when it takes input but reports no progress for this long
 * @param closeGrace how long ffmpeg gets to finish after its input closes before it is terminated
 * @param rateProbe how long arrivals are measured when the SPS declares no frame rate
 * @param snapshotTimeout how long a snapshot may take, waiting for a keyframe included
 * @param snapshotQuality ffmpeg's {@code -q:v} for JPEG, 2 (best) to 31
 */
public record MediaTuning(
        int queueFrames,
        long queueBytes,
        int maxPictureBytes,
        int hlsSegmentSeconds,
        int hlsListSize,
        Duration outputRetry,
        List<Duration> restartSteps,
        Duration stableAfter,
        Duration stallTimeout,
        Duration closeGrace,
        Duration rateProbe,
        Duration snapshotTimeout,
        int snapshotQuality) {

    public static final MediaTuning DEFAULT = new MediaTuning(
            100,
            16L << 20,
            4 << 20,
            2,
            5,
            Duration.ofSeconds(2),
            RestartBackoff.DEFAULT_STEPS,
            Duration.ofSeconds(30),
            Duration.ofSeconds(15),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            3);

    public MediaTuning {
        restartSteps = List.copyOf(restartSteps);
        if (queueFrames < 1 || queueBytes < 1 || maxPictureBytes < 1) {
            throw new IllegalArgumentException("queue and picture limits must be positive");
        }
        if (hlsSegmentSeconds < 1 || hlsListSize < 1) {
            throw new IllegalArgumentException("HLS segment length and list size must be positive");
        }
        if (snapshotQuality < 2 || snapshotQuality > 31) {
            throw new IllegalArgumentException("snapshot quality must be 2 to 31");
        }
    }
}
