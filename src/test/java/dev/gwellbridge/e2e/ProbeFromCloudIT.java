package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.cloud.FakeDevice;
import dev.gwellbridge.cloud.FakeWyzeCloud;
import dev.gwellbridge.cloud.FakeWyzeServer;
import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.sim.CameraBehaviour;
import dev.gwellbridge.sim.SimCameraInfo;
import dev.gwellbridge.sim.Simulator;
import dev.gwellbridge.sim.SimulatorConfig;
import dev.gwellbridge.sim.SimulatorHandle;
import dev.gwellbridge.sim.TestPattern;
import dev.gwellbridge.sim.TestPatternGenerator;
import dev.gwellbridge.sim.VideoSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code probe --from-cloud}: the jar signs in to the (fake) Wyze cloud over HTTP with the real
 * cloud client, finds the camera by its nickname's slug, gets its P2P credential from Mars and
 * streams it from the simulator, byte for byte.
 */
@Timeout(120)
class ProbeFromCloudIT {
    private static final TestPattern PATTERN = new TestPattern(320, 240, 10, 3, 200);

    @TempDir
    Path dir;

    @Test
    void probeFindsTheCameraInTheAccountAndStreamsItWithTheCloudsCredential() throws Exception {
        VideoSource source = VideoSource.read(
                new TestPatternGenerator("ffmpeg", dir.resolve("cache")).ensure(PATTERN), FrameRate.FALLBACK);
        FakeWyzeCloud cloud = new FakeWyzeCloud(InstantSource.system());
        try (SimulatorHandle sim = Simulator.start(SimulatorConfig.builder()
                        .source(source)
                        .seed(61)
                        .cameras(2)
                        .cameraBehaviour(CameraBehaviour.DEFAULT.withLoopSource(false))
                        .build());
                FakeWyzeServer server = new FakeWyzeServer(cloud)) {
            SimCameraInfo porch = sim.camera(1).info();
            SimCameraInfo other = sim.camera(0).info();
            cloud.devices = List.of(device(other, "Garage"), device(porch, "Back Porch"));
            Path options = options(server);
            Path out = dir.resolve("porch.h264");
            String p2pServer = sim.serverAddress().getAddress().getHostAddress() + ":"
                    + sim.serverAddress().getPort();

            int exit;
            String stderr;
            try (JarProcess probe = JarProcess.start(
                    dir.resolve("probe"),
                    "probe",
                    "--from-cloud",
                    "--camera",
                    "back_porch",
                    "--options",
                    options.toString(),
                    "--data-dir",
                    dir.resolve("data").toString(),
                    "--p2p-server",
                    p2pServer,
                    "--allow-loopback",
                    "--seconds",
                    "6",
                    "--out",
                    out.toString())) {
                exit = probe.awaitExit(Duration.ofSeconds(90));
                stderr = probe.stderr() + probe.stdout();
            }

            assertThat(exit).as(JarProcess.tail(stderr)).isZero();
            List<String> lines = stderr.strip().lines().toList();
            JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            assertThat(summary.get("device_id").asText()).isEqualTo(porch.deviceId());
            assertThat(summary.get("transport").asText()).isEqualTo("lan_udp");
            assertThat(Files.readAllBytes(out)).isEqualTo(source.bytes());
            assertThat(sim.camera(1).streamsStarted()).isEqualTo(1);
            assertThat(sim.camera(0).streamsStarted())
                    .as("the other camera is left alone")
                    .isZero();
            assertThat(cloud.calls(FakeWyzeCloud.LOGIN)).isEqualTo(1);
            assertThat(cloud.marsDevices()).containsExactly(porch.deviceId());
            assertThat(cloud.violations()).isEmpty();
            assertThat(sim.violations().all()).isEmpty();
            assertThat(stderr).doesNotContain(porch.accessToken()).doesNotContain(FakeWyzeCloud.PASSWORD);
        }
    }

    private static FakeDevice device(SimCameraInfo cam, String nickname) {
        return new FakeDevice(
                cam.deviceId(),
                CameraId.of(cam.deviceId()).modelId(),
                nickname,
                cam.lanAddress().getAddress().getHostAddress(),
                cam.accessId(),
                cam.accessToken());
    }

    private Path options(FakeWyzeServer server) throws Exception {
        String base = server.baseUrl().toString();
        String json = "{\"wyze\":{\"email\":\"" + FakeWyzeCloud.EMAIL + "\",\"password\":\"" + FakeWyzeCloud.PASSWORD
                + "\",\"api_id\":\"" + FakeWyzeCloud.KEY_ID + "\",\"api_key\":\"" + FakeWyzeCloud.API_KEY + "\","
                + "\"auth_url\":\"" + base + "\",\"api_url\":\"" + base + "\",\"mars_url\":\"" + base + "\"}}";
        return Files.writeString(dir.resolve("options.json"), json);
    }
}
