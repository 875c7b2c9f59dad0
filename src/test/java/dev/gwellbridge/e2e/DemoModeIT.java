package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command on a fresh folder: {@code java -jar gwell-bridge.jar demo} brings up the
 * simulated cameras, the page on port 8097 shows every one {@code streaming} within 60 s, and SIGTERM
 * stops the whole process within 5 s.
 */
@Timeout(150)
class DemoModeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void theDemoStreamsEverySimulatedCameraAndStopsPromptlyOnSigterm() throws Exception {
        try (JarProcess demo = JarProcess.start(dir, "demo")) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the demo process ended", () -> !demo.alive())
                    .until(() -> {
                        JsonNode cameras = cameras();
                        return cameras != null && cameras.size() == 3 && allStreaming(cameras);
                    });
            JsonNode cameras = cameras();
            assertThat(cameras).hasSize(3);
            for (JsonNode c : cameras) {
                assertThat(c.get("status").asText()).isEqualTo("streaming");
                assertThat(c.get("live_hls").asText())
                        .isEqualTo("hls/" + c.get("slug").asText() + "/index.m3u8");
            }
            assertThat(demo.stdout()).contains("http://localhost:8097/");
            assertThat(get("healthz").statusCode()).isEqualTo(200);
            // The default data folder of a local run is ./data, next to where the command runs.
            assertThat(dir.resolve("data").resolve("cameras.json")).exists();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Files.exists(dir.resolve("data/hls")
                            .resolve(cameras.get(0).get("slug").asText())
                            .resolve("index.m3u8")));

            Duration took = demo.terminate(Duration.ofSeconds(5));
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(demo.stderr()).contains("stopped");
        }
    }

    private JsonNode cameras() {
        try {
            HttpResponse<String> r = get("api/cameras");
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean allStreaming(JsonNode cameras) {
        for (JsonNode c : cameras) {
            if (!"streaming".equals(c.get("status").asText())) {
                return false;
            }
        }
        return true;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:8097/" + path))
                        .timeout(Duration.ofSeconds(3))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
