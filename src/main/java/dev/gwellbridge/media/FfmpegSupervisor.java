package dev.gwellbridge.media;

import dev.gwellbridge.camera.MediaStats;
import dev.gwellbridge.h264.AccessUnit;
import dev.gwellbridge.h264.AccessUnitAssembler;
import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.h264.Sps;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one camera's publishing ffmpeg and keeps it running.
 *
 * <p>Threads: the writer ({@code ffmpeg-<slug>-writer}) owns the process. It takes pictures from
 * the {@link FrameQueue}, starts ffmpeg at a keyframe (the frame rate comes from the keyframe's SPS,
 * else from measured arrivals, else 15 fps), writes pictures to ffmpeg's stdin and notices when
 * ffmpeg exits. Each process gets a stderr drainer ({@code ffmpeg-<slug>-stderr}) that reads the
 * progress blocks (liveness, fps) and classifies log lines. {@link #watchdog()} runs on a shared
 * timer and kills a process that takes input without making progress, or that blocks the writer.
 *
 * <p>After an exit the next process starts at the first keyframe after the {@link RestartBackoff}
 * delay; its SPS and PPS are always in the keyframe (see {@link AccessUnitAssembler}). A keyframe
 * with a different picture size or frame rate restarts ffmpeg at once, since {@code -framerate} and
 * the RTSP session description are fixed per process.
 */
public final class FfmpegSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegSupervisor.class);
    private static final long POLL_MILLIS = 200;
    private static final long READING_MAX_AGE_MILLIS = 5_000;

    private final String slug;
    private final Function<FrameRate, List<String>> command;
    private final FrameQueue queue;
    private final MediaTuning tuning;
    private final InstantSource clock;
    private final ProcessLauncher launcher;
    private final ArrivalRate arrivals;
    private final RestartBackoff backoff;
    private final Thread writer;
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicInteger launches = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicBoolean outputOutage = new AtomicBoolean();
    private volatile FfmpegProcess running;
    private volatile boolean closing;
    private Instant notBefore = Instant.MIN;
    private Instant firstPictureAt;

    /**
     * @param slug the camera's stream name, for thread names and logs
     * @param command the publishing command for a frame rate
     * @param arrivals arrival rate of the pictures offered to {@code queue}
     */
    public FfmpegSupervisor(
            String slug,
            Function<FrameRate, List<String>> command,
            FrameQueue queue,
            ArrivalRate arrivals,
            MediaTuning tuning,
            InstantSource clock,
            ProcessLauncher launcher) {
        this.slug = StreamPaths.requireSlug(slug);
        this.command = command;
        this.queue = queue;
        this.arrivals = arrivals;
        this.tuning = tuning;
        this.clock = clock;
        this.launcher = launcher;
        this.backoff = new RestartBackoff(tuning.restartSteps(), tuning.stableAfter());
        this.writer = new Thread(this::writeLoop, "ffmpeg-" + slug + "-writer");
        this.writer.setDaemon(true);
    }

    /** Starts the writer thread; ffmpeg itself starts at the first keyframe. */
    public void start() {
        writer.start();
    }

    /** Figures for MediaStats; fps and bitrate read 0 when ffmpeg reported nothing for 5 s. */
    public MediaStats stats() {
        FfmpegProcess r = running;
        boolean alive = r != null && r.process().isAlive();
        double fps = 0;
        double kbps = 0;
        if (alive) {
            ProgressMeter.Reading reading = r.meter().latest();
            if (clock.millis() - reading.atMillis() <= READING_MAX_AGE_MILLIS) {
                fps = reading.fps();
                kbps = reading.kbps();
            }
        }
        return new MediaStats(alive, restarts(), fps, kbps, queue.dropped());
    }

    /** Processes started after the first one. */
    public int restarts() {
        return Math.max(0, launches.get() - 1);
    }

    /** Pictures passed over while no ffmpeg was running (waiting for a keyframe or the backoff). */
    public long skippedPictures() {
        return skipped.get();
    }

    /** Whether an output (RTSP or HLS) of the current process is failing and being retried. */
    public boolean outputFailing() {
        FfmpegProcess r = running;
        return r != null && r.outputFailing();
    }

    /** When the running process last reported progress (its start until then); -1 without one. */
    long lastProgressMillis() {
        FfmpegProcess r = running;
        return r == null ? -1 : r.meter().lastProgressMillis();
    }

    /** The current process id, if a process runs. */
    public OptionalLong pid() {
        FfmpegProcess r = running;
        return r != null && r.process().isAlive() ? OptionalLong.of(r.process().pid()) : OptionalLong.empty();
    }

    /**
     * Kills the process if it is stuck: the writer has been blocked in a write for longer than the
     * stall timeout, or pictures went in but no progress came out for that long. The writer then sees
     * the exit and restarts it. Called periodically from a timer thread.
     */
    public void watchdog() {
        FfmpegProcess r = running;
        if (r == null || !r.process().isAlive()) {
            return;
        }
        long now = clock.millis();
        endOutageOfQuietProcess(r, now);
        long stall = tuning.stallTimeout().toMillis();
        long writeStarted = r.writeStartedMillis();
        long lastProgress = r.meter().lastProgressMillis();
        String why = null;
        if (writeStarted >= 0 && now - writeStarted > stall) {
            why = "has not read its input for " + (now - writeStarted) / 1000 + " s";
        } else if (r.lastWriteMillis() > lastProgress && now - lastProgress > stall) {
            why = "reported no progress for " + (now - lastProgress) / 1000 + " s";
        }
        if (why != null) {
            LOG.warn("ffmpeg for {} {}; killing it", slug, why);
            r.process().destroyForcibly();
        }
    }

    /**
     * A process started during an output outage whose outputs have not failed for two retry periods
     * publishes fine (ffmpeg logs nothing when an output works at once): the outage is over, and the
     * next failure is news again.
     */
    private void endOutageOfQuietProcess(FfmpegProcess r, long now) {
        long quiet = 2 * tuning.outputRetry().toMillis() + 1_000;
        if (outputOutage.get() && !r.outputFailing() && now - r.startedAt().toEpochMilli() >= quiet) {
            if (outputOutage.compareAndSet(true, false)) {
                LOG.info("the failing ffmpeg output of {} recovered", slug);
            }
        }
    }

    /**
     * Stops the writer and ffmpeg: stdin is closed so ffmpeg finishes its outputs, then it is
     * terminated after the grace period. Blocks for at most about the grace period plus 3 s.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (writer.getState() == Thread.State.NEW) {
            return;
        }
        long graceMillis = tuning.closeGrace().toMillis();
        try {
            writer.join(graceMillis + 2_000);
            if (writer.isAlive()) {
                FfmpegProcess r = running;
                if (r != null) {
                    r.process().destroyForcibly();
                }
                writer.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        MDC.put("camera", slug);
        try {
            while (!closing) {
                AccessUnit au;
                try {
                    au = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                try {
                    step(au);
                } catch (RuntimeException e) {
                    LOG.error("ffmpeg writer for {} failed; restarting ffmpeg", slug, e);
                    FfmpegProcess r = running;
                    if (r != null) {
                        r.process().destroyForcibly();
                        onExit(r, "writer error");
                    }
                }
            }
        } finally {
            FfmpegProcess r = running;
            if (r != null) {
                stopGracefully(r);
                running = null;
                LOG.info("ffmpeg for {} stopped", slug);
            }
            MDC.remove("camera");
        }
    }

    private void step(AccessUnit au) {
        FfmpegProcess r = running;
        if (r != null && !r.process().isAlive()) {
            onExit(r, "exited");
            r = null;
        }
        if (au == null) {
            return;
        }
        Instant now = clock.instant();
        if (firstPictureAt == null) {
            firstPictureAt = now;
        }
        if (r != null && au.keyframe() && formatChanged(r, au)) {
            LOG.info(
                    "stream of {} changed to {}; restarting ffmpeg",
                    slug,
                    describe(au.sps().orElseThrow()));
            stopGracefully(r);
            running = null;
            r = null;
            notBefore = Instant.MIN;
        }
        if (r == null) {
            r = startAt(au, now);
            if (r == null) {
                skipped.incrementAndGet();
                return;
            }
        }
        write(r, au);
    }

    private FfmpegProcess startAt(AccessUnit au, Instant now) {
        if (!au.keyframe() || now.isBefore(notBefore)) {
            return null;
        }
        Optional<FrameRate> rate = chooseRate(au, now);
        if (rate.isEmpty()) {
            return null;
        }
        List<String> cmd = command.apply(rate.get());
        try {
            FfmpegProcess r = FfmpegProcess.start(
                    slug, cmd, launcher, clock, bytesWritten::get, au.sps().orElse(null), rate.get(), outputOutage);
            running = r;
            int n = launches.incrementAndGet();
            LOG.info(
                    "ffmpeg for {} {} (pid {}, {}, {} fps)",
                    slug,
                    n == 1 ? "started" : "restarted",
                    r.process().pid(),
                    au.sps().map(FfmpegSupervisor::describe).orElse("size unknown"),
                    rate.get().toArgument());
            LOG.debug("ffmpeg command: {}", FfmpegArgs.forLog(cmd));
            return r;
        } catch (IOException e) {
            Duration delay = backoff.onExit(now, now);
            notBefore = now.plus(delay);
            logFailure(
                    "ffmpeg for {} could not be started ({}); retrying in {} ms",
                    slug,
                    e.getMessage(),
                    delay.toMillis());
            return null;
        }
    }

    private Optional<FrameRate> chooseRate(AccessUnit au, Instant now) {
        Optional<FrameRate> declared = au.sps().flatMap(Sps::frameRate);
        if (declared.isPresent()) {
            return declared;
        }
        Optional<FrameRate> measured = arrivals.measured();
        if (measured.isPresent()) {
            return measured;
        }
        if (Duration.between(firstPictureAt, now).compareTo(tuning.rateProbe().multipliedBy(2)) >= 0) {
            return Optional.of(FrameRate.FALLBACK);
        }
        return Optional.empty();
    }

    private void write(FfmpegProcess r, AccessUnit au) {
        OutputStream in = r.stdin();
        r.beginWrite(clock.millis());
        try {
            au.writeTo(in);
            in.flush();
            bytesWritten.addAndGet(au.size());
            r.endWrite(clock.millis());
        } catch (IOException e) {
            r.endWrite(-1);
            onExit(r, "stopped reading its input");
        }
    }

    private void onExit(FfmpegProcess r, String how) {
        running = null;
        OptionalLong code = r.awaitExit();
        Instant now = clock.instant();
        Duration ran = Duration.between(r.startedAt(), now);
        Duration delay = backoff.onExit(r.startedAt(), now);
        notBefore = now.plus(delay);
        if (closing) {
            return;
        }
        String exit = code.isPresent() ? "exit code " + code.getAsLong() : "no exit code";
        logFailure(
                "ffmpeg for {} {} ({}) after {} s; restarting in {} ms at the next keyframe{}",
                slug,
                how,
                exit,
                ran.toSeconds(),
                delay.toMillis(),
                r.tail());
    }

    private void logFailure(String format, Object... args) {
        if (backoff.failuresInARow() <= 1) {
            LOG.warn(format, args);
        } else {
            LOG.debug(format, args);
        }
    }

    private void stopGracefully(FfmpegProcess r) {
        r.closeStdin();
        Process p = r.process();
        try {
            if (!p.waitFor(tuning.closeGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroy();
                if (!p.waitFor(1, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private static boolean formatChanged(FfmpegProcess r, AccessUnit au) {
        Sps now = au.sps().orElse(null);
        Sps then = r.sps();
        if (now == null || then == null) {
            return false;
        }
        return now.width() != then.width()
                || now.height() != then.height()
                || (now.frameRate().isPresent() && !now.frameRate().get().equals(r.rate()));
    }

    private static String describe(Sps sps) {
        return sps.width() + "x" + sps.height();
    }
}
