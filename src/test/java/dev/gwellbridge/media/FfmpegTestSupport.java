package dev.gwellbridge.media;

import static org.awaitility.Awaitility.await;

import dev.gwellbridge.sim.TestPattern;
import dev.gwellbridge.sim.TestPatternGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Real ffmpeg and ffprobe for the integration tests: test streams, receivers, probes. Shared with
 * the full-stack tests.
 */
public final class FfmpegTestSupport {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int FPS = 20;
    static final int SECONDS = 10;
    static final int FRAMES = FPS * SECONDS;
    static final int CHUNK = 1000;

    private FfmpegTestSupport() {}

    static boolean ffmpegAvailable() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** 10 s of 640×360 at 20 fps, keyframe every 2 s, SPS/PPS before each, CBR 1 Mbit/s. */
    static Path generateStream(Path dir) throws IOException, InterruptedException {
        return new TestPatternGenerator("ffmpeg", dir).ensure(new TestPattern(WIDTH, HEIGHT, FPS, SECONDS, 1000));
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts {@code ffmpeg -rtsp_flags listen} recording what is published to {@code
     * rtsp://127.0.0.1:<port>/<slug>} into {@code out}, and waits until it listens (seen in
     * /proc/net/tcp, so no probe connection uses up its single session).
     */
    public static Process startReceiver(int port, String slug, Path out, Path log) throws IOException {
        Process p = new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "warning",
                        "-y",
                        "-rtsp_flags",
                        "listen",
                        "-listen_timeout",
                        "20",
                        "-i",
                        "rtsp://127.0.0.1:" + port + "/" + slug,
                        "-c",
                        "copy",
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> listening(port) || !p.isAlive());
        } catch (ConditionTimeoutException e) {
            p.destroyForcibly();
            throw new IOException("RTSP receiver did not start listening: " + Files.readString(log), e);
        }
        if (!p.isAlive()) {
            throw new IOException("RTSP receiver ended: " + Files.readString(log));
        }
        return p;
    }

    private static boolean listening(int port) throws IOException {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(file);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                List<String> f = List.of(line.trim().split("\\s+", -1));
                if (f.size() > 3 && f.get(1).endsWith(hexPort) && f.get(3).equals("0A")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ffprobe's view of the first video stream, frames counted by decoding. */
    public static Map<String, String> probe(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-count_frames",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=codec_name,width,height,nb_read_frames",
                        "-of",
                        "default=noprint_wrappers=1",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        Map<String, String> values = new HashMap<>();
        for (String line : out.lines().toList()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        values.put("exit", Integer.toString(p.exitValue()));
        return values;
    }

    /** The segment names an HLS playlist lists (empty when it does not exist yet). */
    public static List<String> segments(Path playlist) {
        try {
            if (!Files.exists(playlist)) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(playlist)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.trim());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Feeds a stream file in 1000-byte chunks at its real pace (byte position ∝ time, fine for CBR),
     * {@code loops} times, on a thread named {@code it-feeder}.
     */
    static final class Feeder implements AutoCloseable {
        private final Thread thread;
        private volatile boolean stop;
        private final AtomicLong chunksSent = new AtomicLong();

        Feeder(byte[] stream, int loops, Sink sink) {
            thread = new Thread(() -> feed(stream, loops, sink), "it-feeder");
            thread.setDaemon(true);
        }

        /** The session's {@code offer}. */
        interface Sink {
            void offer(byte[] data, int offset, int length);
        }

        Feeder start() {
            thread.start();
            return this;
        }

        long chunksSent() {
            return chunksSent.get();
        }

        void join(long millis) throws InterruptedException {
            thread.join(millis);
        }

        boolean running() {
            return thread.isAlive();
        }

        private void feed(byte[] stream, int loops, Sink sink) {
            long nanosPerLoop = TimeUnit.SECONDS.toNanos(SECONDS);
            long start = System.nanoTime();
            try {
                for (int loop = 0; loop < loops && !stop; loop++) {
                    for (int pos = 0; pos < stream.length && !stop; pos += CHUNK) {
                        int n = Math.min(CHUNK, stream.length - pos);
                        long due = start + loop * nanosPerLoop + (long) ((double) pos / stream.length * nanosPerLoop);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        sink.offer(stream, pos, n);
                        chunksSent.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            stop = true;
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
