package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad {@code options.json} (a port of 70000, a malformed camera id) must not crash-loop the add-on:
 * the bridge names each bad field, keeps answering {@code healthz}, shows the problems on the page,
 * and loses nothing in the data folder.
 */
@Timeout(90)
class BadOptionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bad-options-pw-5521";

    @TempDir
    Path dir;

    @Test
    void badOptionsAreNamedTheBridgeStaysUpAndTheDataFolderIsKept() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        String store = "{\"version\":1,\"cameras\":{\"GW_GC1_0A1B2C3D4E5F\":"
                + "{\"slug\":\"front_door\",\"stream\":true,\"quality\":\"sd\",\"lan_ip\":\"192.168.1.50\"}}}";
        Files.writeString(data.resolve("cameras.json"), store);
        Files.writeString(data.resolve("install_id"), "0b6f7c1e-2d3a-4f5b-8c9d-0e1f2a3b4c5d\n");
        Files.writeString(data.resolve("notes.txt"), "kept by the user");
        Map<String, String> before = snapshot(data);
        Path options = dir.resolve("options.json");
        Files.writeString(
                options,
                "{\"rtsp_port\": 70000, \"cameras\": [{\"mac\": \"not a camera!\"}],"
                        + " \"wyze\": {\"email\": \"user@example.com\", \"password\": \"" + PASSWORD + "\"}}");
        int port = freePort();

        try (JarProcess bridge =
                JarProcess.start(dir, "run", "--options", options.toString(), "--web-port", Integer.toString(port))) {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(300))
                    .failFast("the bridge exited", () -> !bridge.alive())
                    .until(() -> status(http, port, "healthz") == 200);

            assertThat(bridge.stderr())
                    .contains("rtsp_port: expected a port number 1-65535, got 70000")
                    .contains("cameras[0].mac: expected a device id");
            JsonNode health = JSON.readTree(body(http, port, "api/health"));
            assertThat(health.toString()).contains("rtsp_port").contains("cameras[0].mac");
            // Still alive a while later: no crash loop, the watchdog keeps getting 200.
            Thread.sleep(2_000);
            assertThat(bridge.alive()).isTrue();
            assertThat(status(http, port, "healthz")).isEqualTo(200);

            bridge.terminate(Duration.ofSeconds(5));
            assertThat(bridge.stdout() + bridge.stderr()).doesNotContain(PASSWORD);
        }
        Map<String, String> after = snapshot(data);
        assertThat(after).containsAllEntriesOf(before);
    }

    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int status(HttpClient http, int port, String path) {
        try {
            return http.send(request(port, path), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String body(HttpClient http, int port, String path) throws IOException, InterruptedException {
        return http.send(request(port, path), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                .timeout(Duration.ofSeconds(3))
                .build();
    }
}
