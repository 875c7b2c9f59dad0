package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.DetectReq2;
import dev.gwellbridge.wire.DetectResp;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar gwell-bridge.jar simulate} as a process: ready line, a live server, clean SIGTERM. */
@Timeout(120)
class SimulateCommandIT {
    @TempDir
    Path dir;

    @Test
    void printsOneReadyLineServesProbesAndExitsCleanlyOnSigterm() throws Exception {
        String jar = System.getProperty("gwell.jar");
        assertThat(jar).as("system property gwell.jar (set by Failsafe)").isNotBlank();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar,
                "simulate",
                "--bind",
                "127.0.0.1",
                "--server-port",
                "0",
                "--cameras",
                "3",
                "--seed",
                "5",
                "--cache-dir",
                dir.resolve("cache").toString());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        Process p = pb.start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> stdout().contains("\n") || !p.isAlive());
            assertThat(p.isAlive()).as("stderr: %s", stderr()).isTrue();
            String line = stdout().lines().findFirst().orElseThrow();
            JsonNode ready = new ObjectMapper().readTree(line);
            String[] server = ready.get("server").asText().split(":", -1);
            assertThat(server[0]).isEqualTo("127.0.0.1");
            int port = Integer.parseInt(server[1]);
            assertThat(port).isPositive();
            JsonNode cameras = ready.get("cameras");
            assertThat(cameras).hasSize(3);
            for (JsonNode c : cameras) {
                assertThat(c.get("device_id").asText()).matches("GW_[A-Z0-9]+_[0-9A-F]{12}");
                assertThat(c.get("lan_ip").asText()).isEqualTo("127.0.0.1");
                assertThat(c.get("lan_port").asInt()).isPositive().isNotEqualTo(port);
                assertThat(c.get("name").asText()).isNotBlank();
                AccessCredentials creds = AccessCredentials.parse(
                        c.get("access_id").asText(), c.get("access_token").asText());
                assertThat(creds.extraTokenData()).hasSize(80);
            }
            try (Stream<Path> cached = Files.list(dir.resolve("cache"))) {
                assertThat(cached).anyMatch(f -> f.toString().endsWith(".h264"));
            }

            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                udp.setSoTimeout(3_000);
                byte[] probe = GutesCodecs.encode(DetectReq2.random(new SplittableRandom(1)), null);
                udp.send(new DatagramPacket(probe, probe.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
                udp.receive(answer);
                byte[] d = Arrays.copyOf(answer.getData(), answer.getLength());
                assertThat(d.length).isGreaterThanOrEqualTo(24);
                assertThat(GutesClassifier.atClient(d, null)).isInstanceOf(DetectResp.class);
            }

            long stop = System.nanoTime();
            p.destroy();
            assertThat(p.waitFor(5, TimeUnit.SECONDS))
                    .as("exits within 5 s of SIGTERM")
                    .isTrue();
            assertThat(System.nanoTime() - stop).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(p.exitValue()).as("stderr: %s", stderr()).isZero();
            assertThat(stdout().lines()).as("exactly one line on stdout").containsExactly(line);
        } finally {
            p.destroyForcibly();
        }
    }

    private String stdout() throws IOException {
        return Files.readString(dir.resolve("stdout.txt"));
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.txt"));
    }
}
