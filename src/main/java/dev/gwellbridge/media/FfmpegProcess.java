package dev.gwellbridge.media;

import dev.gwellbridge.config.Secrets;
import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.h264.Sps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One publishing ffmpeg process with its stderr drainer ({@code ffmpeg-<slug>-stderr}). The drainer
 * feeds progress lines to a {@link ProgressMeter}, keeps the last log lines (masked) for the exit
 * report, and logs a failing or recovered output once per outage: the outage flag is the camera's,
 * shared by its successive processes, so a restarted ffmpeg that finds the RTSP server still down
 * does not warn again.
 *
 * <p>The writer thread owns stdin; the drainer owns stderr; the rest is read by any thread.
 */
final class FfmpegProcess {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegProcess.class);
    private static final int TAIL_LINES = 8;

    private final String slug;
    private final Process process;
    private final OutputStream stdin;
    private final ProgressMeter meter;
    private final Instant startedAt;
    private final Sps sps;
    private final FrameRate rate;
    private final Thread drainer;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final AtomicBoolean outage;
    private volatile boolean outputFailing;
    private volatile long writeStartedMillis = -1;
    private volatile long lastWriteMillis = -1;

    private FfmpegProcess(
            String slug,
            Process process,
            InstantSource clock,
            LongSupplier bytesWritten,
            Sps sps,
            FrameRate rate,
            AtomicBoolean outage) {
        this.slug = slug;
        this.outage = outage;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.meter = new ProgressMeter(clock::millis, bytesWritten);
        this.startedAt = clock.instant();
        this.sps = sps;
        this.rate = rate;
        this.drainer = new Thread(this::drain, "ffmpeg-" + slug + "-stderr");
        this.drainer.setDaemon(true);
    }

    /**
     * Starts ffmpeg (stdout discarded: progress goes to stderr) and its drainer.
     *
     * @param sps the SPS of the stream it is started for, null when unknown
     */
    static FfmpegProcess start(
            String slug,
            List<String> command,
            ProcessLauncher launcher,
            InstantSource clock,
            LongSupplier bytesWritten,
            Sps sps,
            FrameRate rate)
            throws IOException {
        return start(slug, command, launcher, clock, bytesWritten, sps, rate, new AtomicBoolean());
    }

    /**
     * Starts ffmpeg as above, sharing the camera's output outage flag with earlier processes.
     *
     * @param outage true while an output of the camera is known to fail (warned about already)
     */
    static FfmpegProcess start(
            String slug,
            List<String> command,
            ProcessLauncher launcher,
            InstantSource clock,
            LongSupplier bytesWritten,
            Sps sps,
            FrameRate rate,
            AtomicBoolean outage)
            throws IOException {
        Process p = launcher.start(new ProcessBuilder(command).redirectOutput(Redirect.DISCARD));
        FfmpegProcess r = new FfmpegProcess(slug, p, clock, bytesWritten, sps, rate, outage);
        r.drainer.start();
        return r;
    }

    Process process() {
        return process;
    }

    OutputStream stdin() {
        return stdin;
    }

    ProgressMeter meter() {
        return meter;
    }

    Instant startedAt() {
        return startedAt;
    }

    Sps sps() {
        return sps;
    }

    FrameRate rate() {
        return rate;
    }

    boolean outputFailing() {
        return outputFailing;
    }

    long writeStartedMillis() {
        return writeStartedMillis;
    }

    long lastWriteMillis() {
        return lastWriteMillis;
    }

    void beginWrite(long nowMillis) {
        writeStartedMillis = nowMillis;
    }

    /** Marks the end of a write; {@code nowMillis} is -1 when it failed. */
    void endWrite(long nowMillis) {
        writeStartedMillis = -1;
        if (nowMillis >= 0) {
            lastWriteMillis = nowMillis;
        }
    }

    void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            LOG.debug("closing ffmpeg's input for {}: {}", slug, e.getMessage());
        }
    }

    /**
     * Waits briefly for the process to end (killing it if needed) and for the drainer to read the
     * last lines.
     */
    OptionalLong awaitExit() {
        closeStdin();
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    return OptionalLong.empty();
                }
            }
            drainer.join(1_000);
            return OptionalLong.of(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The last log lines, masked, each on its own indented line (empty when there were none). */
    String tail() {
        StringBuilder sb = new StringBuilder();
        synchronized (tail) {
            for (String line : tail) {
                sb.append(System.lineSeparator()).append("    ").append(line);
            }
        }
        return sb.toString();
    }

    private void drain() {
        MDC.put("camera", slug);
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                onLine(line);
            }
        } catch (IOException e) {
            LOG.debug("ffmpeg stderr of {} closed: {}", slug, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("ffmpeg stderr drainer of {} failed", slug, e);
        } finally {
            MDC.remove("camera");
        }
    }

    private void onLine(String line) {
        if (ProgressMeter.isProgressLine(line)) {
            meter.accept(line);
            return;
        }
        String masked = Secrets.redactUrl(line.strip());
        if (masked.isEmpty()) {
            return;
        }
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(masked);
        }
        switch (FfmpegLog.classify(line)) {
            case OUTPUT_FAILING -> {
                if (!outputFailing) {
                    outputFailing = true;
                    if (outage.compareAndSet(false, true)) {
                        LOG.warn("an ffmpeg output of {} is failing, retrying in the background: {}", slug, masked);
                    } else {
                        LOG.debug("an ffmpeg output of {} is still failing: {}", slug, masked);
                    }
                } else {
                    LOG.debug("ffmpeg {}: {}", slug, masked);
                }
            }
            case OUTPUT_RECOVERED -> {
                if (outputFailing) {
                    outputFailing = false;
                    outage.set(false);
                    LOG.info("the failing ffmpeg output of {} recovered", slug);
                }
            }
            default -> LOG.debug("ffmpeg {}: {}", slug, masked);
        }
    }
}
