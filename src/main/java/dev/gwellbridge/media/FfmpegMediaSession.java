package dev.gwellbridge.media;

import dev.gwellbridge.camera.MediaSession;
import dev.gwellbridge.camera.MediaStats;
import dev.gwellbridge.h264.AccessUnit;
import dev.gwellbridge.h264.AccessUnitAssembler;
import dev.gwellbridge.h264.AnnexBSplitter;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's media output: parses the H.264 handed to {@link #offer} into pictures on the calling
 * thread (cheap: a scan for start codes), queues them for the {@link FfmpegSupervisor} and keeps the
 * latest keyframe for snapshots.
 *
 * <p>{@link #offer} is meant for one stream thread at a time; a lock makes a hand-over between
 * threads safe and is never held while waiting for anything. The other methods are thread-safe.
 */
public final class FfmpegMediaSession implements MediaSession {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegMediaSession.class);

    private final String slug;
    private final MediaTuning tuning;
    private final ReentrantLock feedLock = new ReentrantLock();
    private final AnnexBSplitter splitter;
    private final AccessUnitAssembler assembler;
    private final FrameQueue queue;
    private final ArrivalRate arrivals;
    private final FfmpegSupervisor supervisor;
    private final SnapshotTaker snapshots;
    private final Consumer<FfmpegMediaSession> onClose;
    private final Object snapshotLock = new Object();
    private volatile AccessUnit latestKeyframe;
    private volatile boolean closed;
    private CompletableFuture<byte[]> pendingSnapshot;
    private boolean snapshotWaitsForKeyframe;

    FfmpegMediaSession(
            String slug,
            StreamPaths paths,
            MediaSettings settings,
            MediaTuning tuning,
            InstantSource clock,
            ProcessLauncher launcher,
            Consumer<FfmpegMediaSession> onClose) {
        this.slug = StreamPaths.requireSlug(slug);
        this.tuning = tuning;
        this.onClose = onClose;
        this.queue = new FrameQueue(tuning.queueFrames(), tuning.queueBytes());
        this.arrivals = new ArrivalRate(clock::millis, tuning.rateProbe().toMillis());
        this.assembler = new AccessUnitAssembler(this::onPicture, tuning.maxPictureBytes());
        this.splitter = new AnnexBSplitter(assembler, tuning.maxPictureBytes());
        Path playlist = paths.playlist(slug);
        String rtsp = paths.publishUrl(slug);
        this.supervisor = new FfmpegSupervisor(
                slug,
                rate -> FfmpegArgs.publish(settings.ffmpeg(), rate, rtsp, playlist, tuning),
                queue,
                arrivals,
                tuning,
                clock,
                launcher);
        this.snapshots = new SnapshotTaker(
                slug,
                FfmpegArgs.snapshot(settings.ffmpeg(), tuning.snapshotQuality()),
                paths.snapshotFile(slug),
                launcher);
        prepareHlsDir(paths.hlsDir(slug));
    }

    void start() {
        supervisor.start();
    }

    @Override
    public void offer(byte[] data, int offset, int length) {
        if (closed) {
            return;
        }
        feedLock.lock();
        try {
            splitter.feed(data, offset, length);
        } finally {
            feedLock.unlock();
        }
    }

    @Override
    public CompletableFuture<byte[]> snapshot() {
        synchronized (snapshotLock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IOException("media output of " + slug + " is closed"));
            }
            if (pendingSnapshot != null && !pendingSnapshot.isDone()) {
                return pendingSnapshot.copy();
            }
            CompletableFuture<byte[]> f = new CompletableFuture<>();
            long timeoutMillis = tuning.snapshotTimeout().toMillis();
            CompletableFuture.delayedExecutor(timeoutMillis, TimeUnit.MILLISECONDS)
                    .execute(() -> f.completeExceptionally(
                            new TimeoutException("no snapshot of " + slug + " within " + timeoutMillis + " ms")));
            pendingSnapshot = f;
            AccessUnit keyframe = latestKeyframe;
            if (keyframe != null) {
                snapshots.take(keyframe, f);
            } else {
                snapshotWaitsForKeyframe = true;
            }
            return f.copy();
        }
    }

    @Override
    public MediaStats stats() {
        return supervisor.stats();
    }

    /** Whether an output of the running ffmpeg is failing (e.g. the RTSP server is down). */
    public boolean outputFailing() {
        return supervisor.outputFailing();
    }

    /** The publishing ffmpeg's process id while one runs. */
    public OptionalLong pid() {
        return supervisor.pid();
    }

    /** Bytes the parser could not pass on (garbage, filler, malformed units). */
    public long discardedBytes() {
        feedLock.lock();
        try {
            return splitter.discardedBytes();
        } finally {
            feedLock.unlock();
        }
    }

    void watchdog() {
        supervisor.watchdog();
    }

    @Override
    public void close() {
        synchronized (snapshotLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (pendingSnapshot != null) {
                pendingSnapshot.completeExceptionally(new IOException("media output of " + slug + " closed"));
            }
        }
        supervisor.close();
        onClose.accept(this);
    }

    private void onPicture(AccessUnit au) {
        arrivals.record();
        if (au.keyframe()) {
            latestKeyframe = au;
            synchronized (snapshotLock) {
                if (snapshotWaitsForKeyframe && pendingSnapshot != null && !pendingSnapshot.isDone()) {
                    snapshots.take(au, pendingSnapshot);
                }
                snapshotWaitsForKeyframe = false;
            }
        }
        queue.offer(au);
    }

    /** Removes what an earlier run left, so players never see old segments of another session. */
    private void prepareHlsDir(Path dir) {
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*.{ts,m3u8,tmp}")) {
                for (Path p : old) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("HLS folder of {} could not be prepared: {}", slug, e.getMessage());
        }
    }
}
