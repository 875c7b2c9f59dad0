package dev.gwellbridge.camera;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session attempt of one camera, from its turn in the handshake queue until it ends, and the
 * {@link StreamHandler} its session reports to.
 *
 * <p>The epoch guard: a camera has at most one current attempt, and every callback first checks
 * that its attempt is still the current one. A stale attempt (torn down by a stop, restart, stall
 * or failure) can therefore never publish state, events or video into a newer one: its video goes,
 * at most, to its own media session, which is already closed.
 *
 * <p>Callbacks run on the session's thread and never block: they update atomics, hand bytes to the
 * non-blocking {@link MediaSession#offer}, or enqueue a task on the supervisor's serial lane. All
 * other fields are written on the serial lane and read anywhere.
 *
 * <p>The session delivers video as soon as it streams, while the media output opens a moment later
 * on the serial lane. Video of that gap is kept (up to {@link #EARLY_VIDEO_LIMIT} bytes) and handed
 * to the media output first, since it starts with the stream's first keyframe: losing it would cost
 * a whole group of pictures.
 */
final class Attempt implements StreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Attempt.class);
    /** Video kept for the media output before it opens; more means the lane is stuck, so it is dropped. */
    static final int EARLY_VIDEO_LIMIT = 4 << 20;

    /** What an attempt needs from its camera. */
    interface Owner {
        /** Whether this attempt is the camera's current one; safe from any thread. */
        boolean isCurrent(Attempt a);

        /** Called on the serial lane once the session streams. */
        void streaming(Attempt a, Transport transport);

        /** Called on the serial lane once the session ended. */
        void ended(Attempt a, FailureReason reason, String detail);

        /** Runs a task for this camera on the serial lane. */
        void onLane(Runnable task);
    }

    final long epoch;
    final boolean freshCredential;
    final Quality quality;
    final Instant started;
    private final Owner owner;
    private final InstantSource clock;
    private final AtomicLong lastVideoMillis = new AtomicLong(-1);
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean offerFailed;
    private final Object feed = new Object();
    private ByteArrayOutputStream early = new ByteArrayOutputStream();

    volatile StreamConnection connection;
    private volatile MediaSession media;
    volatile boolean streaming;
    volatile Instant streamSince;
    volatile Transport transport = Transport.NONE;
    volatile String phase = "credential";

    Attempt(long epoch, boolean freshCredential, Quality quality, InstantSource clock, Owner owner) {
        this.epoch = epoch;
        this.freshCredential = freshCredential;
        this.quality = quality;
        this.clock = clock;
        this.started = clock.instant();
        this.owner = owner;
    }

    @Override
    public void onPhase(String name) {
        if (owner.isCurrent(this)) {
            phase = name;
            LOG.debug("Session #{} reached phase {}", epoch, name);
        }
    }

    @Override
    public void onStreaming(Transport t) {
        if (owner.isCurrent(this)) {
            owner.onLane(() -> owner.streaming(this, t));
        }
    }

    @Override
    public void onVideo(byte[] data, int offset, int length) {
        if (!owner.isCurrent(this)) {
            return;
        }
        lastVideoMillis.set(clock.millis());
        bytes.addAndGet(length);
        MediaSession m = media;
        if (m == null) {
            synchronized (feed) {
                m = media;
                if (m == null) {
                    keepEarly(data, offset, length);
                    return;
                }
            }
        }
        offer(m, data, offset, length);
    }

    /** The media output of this attempt, null until it opened. */
    MediaSession media() {
        return media;
    }

    /**
     * Connects the media output: the video that arrived before it goes first, then the session's
     * video flows straight to it. Called once, on the serial lane.
     */
    void attachMedia(MediaSession m) {
        synchronized (feed) {
            ByteArrayOutputStream kept = early;
            early = null;
            if (kept != null && kept.size() > 0) {
                LOG.debug("Session #{}: {} bytes of video arrived before the media output", epoch, kept.size());
                offer(m, kept.toByteArray(), 0, kept.size());
            }
            media = m;
        }
    }

    private void keepEarly(byte[] data, int offset, int length) {
        ByteArrayOutputStream kept = early;
        if (kept == null) {
            return;
        }
        if (kept.size() + length > EARLY_VIDEO_LIMIT) {
            LOG.debug("Session #{}: media output not open after {} bytes; its output starts later", epoch, kept.size());
            early = null;
            return;
        }
        kept.write(data, offset, length);
    }

    private void offer(MediaSession m, byte[] data, int offset, int length) {
        try {
            m.offer(data, offset, length);
        } catch (RuntimeException e) {
            if (!offerFailed) {
                offerFailed = true;
                LOG.warn("Session #{}: the media output refused video: {}", epoch, e.toString());
            }
        }
    }

    @Override
    public void onEnded(FailureReason reason, String detail) {
        if (owner.isCurrent(this)) {
            owner.onLane(() -> owner.ended(this, reason, detail == null ? "" : detail));
        }
    }

    /** Closes the session and the media output; idempotent, safe from any thread. */
    void close(String camera) {
        StreamConnection c = connection;
        MediaSession m = media;
        try {
            if (c != null) {
                c.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Camera {}: closing session #{} failed: {}", camera, epoch, e.toString());
        }
        try {
            if (m != null) {
                m.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Camera {}: closing the media output failed: {}", camera, e.toString());
        }
    }

    /** When the last H.264 bytes arrived, or empty before the first. */
    Optional<Instant> lastVideo() {
        long m = lastVideoMillis.get();
        return m < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(m));
    }

    /** H.264 bytes received so far. */
    long bytes() {
        return bytes.get();
    }
}
