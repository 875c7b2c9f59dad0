package dev.gwellbridge.media;

import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.MediaPort;
import dev.gwellbridge.camera.MediaSession;
import dev.gwellbridge.camera.StreamUrls;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media layer's entry point: one {@link FfmpegMediaSession} (one ffmpeg) per camera slug, and
 * the stream URLs players get. A shared {@code media-watchdog} thread checks every second that each
 * ffmpeg makes progress.
 *
 * <p>Thread-safe. {@link #close()} stops every session.
 */
public final class FfmpegMediaPort implements MediaPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegMediaPort.class);

    private final MediaSettings settings;
    private final MediaTuning tuning;
    private final InstantSource clock;
    private final ProcessLauncher launcher;
    private final StreamPaths paths;
    private final ConcurrentHashMap<String, FfmpegMediaSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;
    private final ScheduledFuture<?> watchdogTask;

    /** Real ffmpeg, the system clock and the default tuning. */
    public FfmpegMediaPort(MediaSettings settings) {
        this(settings, MediaTuning.DEFAULT, InstantSource.system(), ProcessLauncher.SYSTEM);
    }

    public FfmpegMediaPort(MediaSettings settings, MediaTuning tuning, InstantSource clock, ProcessLauncher launcher) {
        this.settings = settings;
        this.tuning = tuning;
        this.clock = clock;
        this.launcher = launcher;
        this.paths = new StreamPaths(settings);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "media-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.watchdogTask = this.watchdog.scheduleWithFixedDelay(this::checkAll, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts the output of a camera. A session still open under the same slug is closed first, since
     * two ffmpeg processes must not write the same HLS folder.
     *
     * @throws IllegalArgumentException if the slug is not a safe path segment
     */
    @Override
    public FfmpegMediaSession open(CameraInfo camera, String slug) {
        StreamPaths.requireSlug(slug);
        FfmpegMediaSession previous = sessions.get(slug);
        if (previous != null) {
            // Normal on a restart or quality change: the supervisor closes the old output off its
            // lane, so the new session can stream before that close has run.
            LOG.debug("media output of {} was still open; closing it first", slug);
            previous.close();
        }
        FfmpegMediaSession session = new FfmpegMediaSession(
                slug, paths, settings, tuning, clock, launcher, closed -> sessions.remove(slug, closed));
        sessions.put(slug, session);
        session.start();
        LOG.info(
                "media output of {} ({}) opened: {}",
                slug,
                camera.id(),
                urls(slug).rtsp());
        return session;
    }

    @Override
    public StreamUrls urls(String slug) {
        return paths.urls(slug);
    }

    /** The open output of a camera, if any (for diagnostics: its ffmpeg's pid, a failing output). */
    public Optional<FfmpegMediaSession> session(String slug) {
        return Optional.ofNullable(sessions.get(slug));
    }

    /** Where the bridge keeps a camera's HLS, snapshot and publish target. */
    public StreamPaths paths() {
        return paths;
    }

    /** Closes every open session and the watchdog. */
    @Override
    public void close() {
        List<FfmpegMediaSession> open = List.copyOf(sessions.values());
        for (MediaSession s : open) {
            s.close();
        }
        watchdogTask.cancel(false);
        watchdog.shutdownNow();
    }

    private void checkAll() {
        for (FfmpegMediaSession s : sessions.values()) {
            try {
                s.watchdog();
            } catch (RuntimeException e) {
                LOG.error("media watchdog failed", e);
            }
        }
    }
}
