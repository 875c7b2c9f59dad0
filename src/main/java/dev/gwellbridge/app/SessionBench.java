package dev.gwellbridge.app;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.config.Secrets;
import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.session.SessionConnector;
import dev.gwellbridge.sim.TestPattern;
import dev.gwellbridge.sim.TestPatternGenerator;
import dev.gwellbridge.sim.VideoSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The session benchmark of {@code bench --cameras}: for every loss rate and camera count, a fresh
 * {@code simulate} child process streams a generated test pattern and this process opens one {@link
 * SessionConnector} session per camera over loopback. Everything this process spends is the
 * clients'; the simulator's CPU time and memory stay in the child.
 *
 * <p>Each run measures from the first session opened until {@code --seconds} after the last one:
 * CPU time, peak RSS (reset per run where the kernel allows), H.264 bytes, time to each session's
 * first byte, and whether every picture arrived intact ({@link VideoCheck}).
 */
final class SessionBench {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int FPS = 20;
    private static final int PATTERN_SECONDS = 10;

    private final SessionBenchOptions options;
    private final PrintStream out;

    SessionBench(SessionBenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs every configured run and prints the figures as a Markdown table. */
    static void run(SessionBenchOptions options, PrintStream out) throws IOException, InterruptedException {
        new SessionBench(options, out).runAll();
    }

    private void runAll() throws IOException, InterruptedException {
        TestPattern pattern = new TestPattern(WIDTH, HEIGHT, FPS, PATTERN_SECONDS, options.kbps());
        Path h264 = new TestPatternGenerator("ffmpeg", options.cacheDir()).ensure(pattern);
        VideoSource source = VideoSource.read(h264, FrameRate.ofFps(FPS));
        List<byte[]> pictures = new ArrayList<>();
        for (int i = 0; i < source.pictureCount(); i++) {
            pictures.add(source.pictureCopy(i));
        }
        out.printf(
                Locale.ROOT,
                "session benchmark: %s (%s), %d cores, Java %s; source %dx%d %s fps, %.2f Mbit/s (%d pictures per pass),"
                        + " %d s per run, sessions %d ms apart%n",
                cpuModel(),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"),
                WIDTH,
                HEIGHT,
                BenchTable.trim(source.frameRate().fps()),
                source.size() * 8.0 / pictures.size() * source.frameRate().fps() / 1e6,
                pictures.size(),
                options.seconds(),
                options.staggerMillis());
        out.println("load average before: " + loadAverage());
        out.flush();
        List<BenchRow> rows = new ArrayList<>();
        for (double loss : options.lossPercents()) {
            for (int cameras : options.cameras()) {
                BenchRow row = runOne(cameras, loss, h264, pictures);
                out.println(BenchTable.line(row));
                out.flush();
                rows.add(row);
            }
        }
        out.println("load average after: " + loadAverage());
        out.println();
        out.print(BenchTable.markdown(rows));
        out.flush();
    }

    private BenchRow runOne(int cameras, double loss, Path h264, List<byte[]> pictures)
            throws IOException, InterruptedException {
        List<String> simArgs = new ArrayList<>(List.of(
                "--bind",
                "127.0.0.1",
                "--server-port",
                "0",
                "--cameras",
                Integer.toString(cameras),
                "--h264",
                h264.toString(),
                "--seed",
                Long.toString(options.seed())));
        if (loss > 0) {
            simArgs.addAll(List.of("--loss", Double.toString(loss)));
        }
        Path log = Files.createTempFile("gwell-bench-sim", ".log");
        boolean keepLog = true;
        try (SimulatorProcess sim = SimulatorProcess.start(simArgs, log)) {
            BenchRow row = measure(sim, cameras, loss, pictures);
            keepLog = row.streaming() < cameras || row.restarts() > 0;
            return row;
        } finally {
            if (keepLog) {
                out.println("simulator log kept in " + log);
            } else {
                Files.deleteIfExists(log);
            }
        }
    }

    private BenchRow measure(SimulatorProcess sim, int cameras, double loss, List<byte[]> pictures)
            throws InterruptedException {
        SessionConnector connector =
                new SessionConnector(SessionConnectors.settings(sim.server(), true), SessionConnectors.threads());
        ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-restart");
            t.setDaemon(true);
            return t;
        });
        BenchSession.Restarts restartOn = BenchSession.Restarts.on(restarts);
        try {
            System.gc();
            boolean peakReset = ProcessMeter.resetPeakRss();
            List<BenchSession> sessions = new ArrayList<>();
            long cpu0 = ProcessMeter.cpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < cameras; i++) {
                SimulatorProcess.Camera c = sim.cameras().get(i);
                Secrets.register(c.accessToken());
                BenchSession s =
                        new BenchSession(connector, request(c), new VideoCheck(pictures), restartOn, System::nanoTime);
                sessions.add(s);
                s.start();
                if (options.staggerMillis() > 0 && i + 1 < cameras) {
                    Thread.sleep(options.staggerMillis());
                }
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.seconds());
            long left;
            while ((left = end - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            long cpu1 = ProcessMeter.cpuNanos();
            long t1 = System.nanoTime();
            long peak = ProcessMeter.peakRssBytes();
            List<BenchSession.Result> results = new ArrayList<>();
            for (BenchSession s : sessions) {
                results.add(s.result());
            }
            for (BenchSession s : sessions) {
                s.stop(5);
            }
            if (!peakReset) {
                out.println("  (peak RSS could not be reset: figure is the process's peak so far)");
            }
            return row(cameras, loss, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, peak, results);
        } finally {
            restarts.shutdownNow();
        }
    }

    private BenchRow row(
            int cameras, double loss, double wall, double cpu, long peak, List<BenchSession.Result> results) {
        long bytes = 0;
        long lost = 0;
        long intact = 0;
        long retransmits = 0;
        int streaming = 0;
        int restarts = 0;
        List<Long> firstBytes = new ArrayList<>();
        for (BenchSession.Result r : results) {
            bytes += r.bytes();
            lost += r.lost();
            intact += r.intact();
            retransmits += r.retransmits();
            restarts += r.failures();
            if (r.firstByteMillis() >= 0) {
                firstBytes.add(r.firstByteMillis());
                streaming++;
            }
            if (r.failures() > 0) {
                out.println(
                        "  session " + r.deviceId() + " failed " + r.failures() + " time(s), last: " + r.lastFailure());
            }
        }
        return new BenchRow(
                cameras, loss, streaming, wall, cpu, bytes, peak, firstBytes, retransmits, restarts, lost, intact);
    }

    private static StreamRequest request(SimulatorProcess.Camera c) {
        CameraId id = CameraId.of(c.deviceId());
        CameraInfo info = new CameraInfo(id, c.deviceId(), id.modelId(), "simulated", c.lanIp(), true);
        return new StreamRequest(info, new P2pCredential(c.accessId(), c.accessToken(), Instant.MAX), Quality.HD);
    }

    /** The CPU model as {@code lscpu} names it, from /proc/cpuinfo. */
    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException | UncheckedIOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .trim()
                    .split("\\s+", -1);
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
