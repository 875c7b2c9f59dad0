package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.sim.TestPattern;
import dev.gwellbridge.sim.TestPatternGenerator;
import dev.gwellbridge.sim.VideoSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 acceptance over real processes: {@code java -jar gwell-bridge.jar probe} against {@code
 * java -jar gwell-bridge.jar simulate} on loopback receives a 20 s, 1 Mbit/s H.264 stream byte for
 * byte at 0 %, 3 % and 10 % loss and with duplication plus reordering, and the simulator records no
 * protocol violation. The four pairs run at once so the class takes about one stream's time.
 */
@Timeout(300)
class ProbeSimulateIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Streaming time the probe records: the 20 s file plus room for retransmissions and a busy machine. */
    private static final int PROBE_SECONDS = 30;

    @TempDir
    static Path dir;

    private static Path h264;
    private static byte[] expected;

    /** One simulator configuration and what the probe did against it. */
    private record Case(String name, long seed, List<String> impairment) {}

    private record Outcome(Case c, int exit, JsonNode summary, Path out, JsonNode violations, String probeErr) {
        byte[] received() throws IOException {
            return Files.exists(out) ? Files.readAllBytes(out) : new byte[0];
        }
    }

    @BeforeAll
    static void generateTwentySecondsOfCameraVideo() throws Exception {
        // The simulator's own generator: 1280x720, 20 fps, 1 Mbit/s CBR baseline with repeated headers.
        h264 = new TestPatternGenerator("ffmpeg", dir).ensure(new TestPattern(1280, 720, 20, 20, 1000));
        // What a client receives for one pass: the file's pictures as the simulator cuts them.
        expected = VideoSource.read(h264, FrameRate.FALLBACK).bytes();
        assertThat(expected.length).as("about 1 Mbit/s for 20 s").isBetween(2_000_000, 3_200_000);
    }

    @Test
    void probeReceivesTheWholeStreamByteForByteUnderLossDuplicationAndReordering() throws Exception {
        List<Case> cases = List.of(
                new Case("loss-0", 101, List.of("--loss", "0")),
                new Case("loss-3", 103, List.of("--loss", "3")),
                new Case("loss-10", 110, List.of("--loss", "10")),
                new Case("dup-reorder", 120, List.of("--dup", "10", "--reorder", "3")));
        ExecutorService pool = Executors.newFixedThreadPool(cases.size(), r -> new Thread(r, "probe-case"));
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> run(c)));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(240, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        for (Outcome o : outcomes) {
            // One line per case in the test output: the figures the benchmark notes quote.
            System.out.printf(
                    "probe vs simulate %-12s first video %6d ms, %8d bytes, %5d packets, %4d KCP retransmits%n",
                    o.c().name(),
                    o.summary().path("first_video_ms").asLong(-1),
                    o.summary().path("bytes").asLong(),
                    o.summary().path("packets").asLong(),
                    o.summary().path("kcp_retransmits").asLong());
        }
        SoftAssertions soft = new SoftAssertions();
        for (Outcome o : outcomes) {
            String name = o.c().name();
            soft.assertThat(o.exit())
                    .as("%s: probe exit code; stderr:%n%s", name, o.probeErr())
                    .isZero();
            soft.assertThat(o.summary().path("transport").asText()).as(name).isEqualTo("lan_udp");
            soft.assertThat(o.summary().path("failure").isNull())
                    .as("%s: no failure in %s", name, o.summary())
                    .isTrue();
            soft.assertThat(o.summary().path("bytes").asLong()).as(name).isEqualTo(expected.length);
            soft.assertThat(o.received().length).as("%s: bytes written", name).isEqualTo(expected.length);
            soft.assertThat(Arrays.mismatch(o.received(), expected))
                    .as("%s: first byte that differs from the source (-1: byte-identical)", name)
                    .isEqualTo(-1);
            soft.assertThat(o.violations().isArray()).as(name).isTrue();
            soft.assertThat(o.violations()).as("%s: simulator violations", name).isEmpty();
        }
        soft.assertAll();
        Outcome lossy = outcomes.stream()
                .filter(o -> o.c().name().equals("loss-10"))
                .findFirst()
                .orElseThrow();
        assertThat(lossy.summary().path("kcp_retransmits").asLong())
                .as("10 % loss is repaired by KCP, visible as retransmissions")
                .isPositive();
    }

    private static Outcome run(Case c) throws Exception {
        Path work = Files.createDirectories(dir.resolve(c.name()));
        Path violations = work.resolve("violations.json");
        List<String> simArgs = new ArrayList<>(List.of(
                "simulate",
                "--bind",
                "127.0.0.1",
                "--server-port",
                "0",
                "--cameras",
                "1",
                "--h264",
                h264.toString(),
                "--seed",
                Long.toString(c.seed()),
                "--no-loop",
                "--violations",
                violations.toString()));
        simArgs.addAll(c.impairment());
        try (JarProcess sim = JarProcess.start(work.resolve("sim"), simArgs.toArray(String[]::new))) {
            JsonNode ready = readyLine(sim);
            JsonNode cam = ready.get("cameras").get(0);
            Path out = work.resolve("probe.h264");
            int exit;
            String probeErr;
            try (JarProcess probe = JarProcess.start(
                    work.resolve("probe"),
                    "probe",
                    "--p2p-server",
                    ready.get("server").asText(),
                    "--device-id",
                    cam.get("device_id").asText(),
                    "--access-id",
                    cam.get("access_id").asText(),
                    "--access-token",
                    cam.get("access_token").asText(),
                    "--lan-ip",
                    cam.get("lan_ip").asText(),
                    "--allow-loopback",
                    "--seconds",
                    Integer.toString(PROBE_SECONDS),
                    "--out",
                    out.toString())) {
                exit = probe.awaitExit(Duration.ofSeconds(PROBE_SECONDS + 120));
                probeErr = probe.stderr();
            }
            sim.terminate(Duration.ofSeconds(10));
            assertThat(violations)
                    .as("%s: violations file written on SIGTERM", c.name())
                    .exists();
            return new Outcome(
                    c,
                    exit,
                    lastLineJson(probeErr),
                    out,
                    JSON.readTree(Files.readString(violations)),
                    JarProcess.tail(probeErr));
        }
    }

    /** The simulator's one JSON line, once every socket is bound. */
    static JsonNode readyLine(JarProcess sim) throws IOException {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .failFast("simulate exited", () -> !sim.alive())
                .until(() -> sim.stdout().contains("\n"));
        return JSON.readTree(sim.stdout().lines().findFirst().orElseThrow());
    }

    private static JsonNode lastLineJson(String stderr) throws IOException {
        List<String> lines = stderr.strip().lines().toList();
        return lines.isEmpty() ? JSON.createObjectNode() : JSON.readTree(lines.get(lines.size() - 1));
    }
}
