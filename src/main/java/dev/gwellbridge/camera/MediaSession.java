package dev.gwellbridge.camera;

import java.util.concurrent.CompletableFuture;

/** One camera's video output (ffmpeg publishing RTSP and writing HLS). */
public interface MediaSession extends AutoCloseable {

    /**
     * Hands over H.264 Annex B bytes. Never blocks: copies into a bounded queue and, when it is full,
     * drops until the next keyframe (counted in {@link MediaStats#droppedFrames()}).
     */
    void offer(byte[] data, int offset, int length);

    /** A JPEG of the latest keyframe; fails when no keyframe has been seen in time. */
    CompletableFuture<byte[]> snapshot();

    MediaStats stats();

    /** Stops the output process; idempotent. */
    @Override
    void close();
}
