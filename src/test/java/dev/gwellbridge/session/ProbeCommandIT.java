package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar gwell-bridge.jar probe} against the loopback test peers. */
@Timeout(90)
class ProbeCommandIT {
    @TempDir
    Path dir;

    private record Result(int exit, String err) {
        JsonNode summary() throws Exception {
            List<String> lines = err.strip().lines().toList();
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }
    }

    private Result probe(String... options) throws Exception {
        String jar = System.getProperty("gwell.jar");
        assertThat(jar).as("system property gwell.jar (set by Failsafe)").isNotBlank();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar,
                "probe",
                "--device-id",
                FakePeers.DEVICE_ID,
                "--access-id",
                FakePeers.ACCESS_ID,
                "--access-token",
                FakePeers.TOKEN));
        cmd.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(80, TimeUnit.SECONDS)).as("probe finished").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void recordsTheCamerasVideoAndSummarisesTheSession() throws Exception {
        byte[] h264 = LanSessionTest.h264(150_000, 41);
        try (LoopbackPeers peers = new LoopbackPeers(p -> p.camera.setVideo(h264))) {
            Path out = dir.resolve("cam.h264");
            Result r = probe(
                    "--p2p-server",
                    peers.server.toString(),
                    "--lan-ip",
                    "127.0.0.1",
                    "--allow-loopback",
                    "--seconds",
                    "1",
                    "--out",
                    out.toString());

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(Files.readAllBytes(out)).isEqualTo(h264);
            JsonNode s = r.summary();
            assertThat(s.get("transport").asText()).isEqualTo("lan_udp");
            assertThat(s.get("bytes").asLong()).isEqualTo(h264.length);
            assertThat(s.get("failure").isNull()).isTrue();
            assertThat(s.get("phases").findValuesAsText("phase")).contains("certify", "initreq", "streaming");
            assertThat(r.err()).doesNotContain(FakePeers.TOKEN);
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsReportedAsUnreachable() throws Exception {
        int silent;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            silent = s.getLocalPort();
        }
        Result r = probe(
                "--p2p-server",
                "127.0.0.1:" + silent,
                "--out",
                dir.resolve("none.h264").toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.summary().get("failure").get("reason").asText()).isEqualTo("server_unreachable");
        assertThat(r.summary().get("bytes").asLong()).isZero();
    }
}
