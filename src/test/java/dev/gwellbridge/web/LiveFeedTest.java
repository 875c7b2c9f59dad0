package dev.gwellbridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code api/events} over HTTP: the first full picture, then pushed changes. */
@Timeout(30)
class LiveFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private PageFixture page;

    @BeforeEach
    void open() {
        page = PageFixture.open(dataDir);
        page.cameras.put(TestCameras.front(CameraStatus.IDLE));
    }

    @AfterEach
    void close() {
        page.close();
    }

    @Test
    void aSubscriberFirstGetsTheWholePictureThenChanges() throws Exception {
        try (SseReader feed = new SseReader(page.http, page.uri("api/events"))) {
            assertThat(feed.status).isEqualTo(200);
            assertThat(feed.contentType).startsWith("text/event-stream");
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.messages.size() >= 3);
            assertThat(feed.events().subList(0, 3)).containsExactly("bridge", "account", "cameras");
            JsonNode cams = JSON.readTree(feed.named("cameras").get(0).data());
            assertThat(cams.get(0).get("status").asText()).isEqualTo("idle");

            page.cameras.put(TestCameras.front(CameraStatus.STREAMING));
            page.cameras.event(TestCameras.FRONT, new CameraEvent.StreamStarted(TestCameras.T0, Transport.LAN_UDP));
            page.cameras.snapshot(TestCameras.FRONT, new byte[] {(byte) 0xFF, (byte) 0xD8});

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !feed.named("camera").isEmpty()
                            && !feed.named("event").isEmpty()
                            && !feed.named("snapshot").isEmpty());
            JsonNode cam = JSON.readTree(feed.named("camera").get(0).data());
            assertThat(cam.get("status").asText()).isEqualTo("streaming");
            assertThat(cam.get("slug").asText()).isEqualTo("front_yard");
            JsonNode ev = JSON.readTree(feed.named("event").get(0).data());
            assertThat(ev.get("event_type").asText()).isEqualTo("stream_started");
            assertThat(ev.get("slug").asText()).isEqualTo("front_yard");
            assertThat(ev.get("transport").asText()).isEqualTo("lan");
            JsonNode snap = JSON.readTree(feed.named("snapshot").get(0).data());
            assertThat(snap.get("snapshot_url").asText()).startsWith("api/cameras/GW_GC1_0A1B2C3D4E5F/snapshot.jpg?v=");
        }
    }

    @Test
    void removalsAndFailuresArePushed() throws Exception {
        page.cameras.put(TestCameras.doorFailing());
        try (SseReader feed = new SseReader(page.http, page.uri("api/events"))) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !feed.named("cameras").isEmpty());

            page.cameras.event(
                    TestCameras.DOOR,
                    new CameraEvent.StreamFailed(TestCameras.T0, FailureReason.RELAY_ONLY, "no LAN candidate"));
            page.cameras.remove(TestCameras.DOOR);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !feed.named("removed").isEmpty());
            JsonNode failed = JSON.readTree(feed.named("event").get(0).data());
            assertThat(failed.get("reason").asText()).isEqualTo("relay_only");
            assertThat(failed.get("detail").asText()).isEqualTo("no LAN candidate");
            assertThat(JSON.readTree(feed.named("removed").get(0).data())
                            .get("slug")
                            .asText())
                    .isEqualTo("front_door");
        }
    }

    @Test
    void bridgeChangesArePushedWithoutAnyRequest() throws Exception {
        try (SseReader feed = new SseReader(page.http, page.uri("api/events"))) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !feed.named("bridge").isEmpty());

            page.bridge.set(TestCameras.bridge(List.of("quality: expected hd or sd, got \"4k\"")));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> feed.named("bridge").size() >= 2);
            assertThat(feed.named("bridge")).hasSize(2);
            assertThat(JSON.readTree(feed.named("bridge").get(0).data()).get("problems"))
                    .isEmpty();
            JsonNode b = JSON.readTree(feed.named("bridge").get(1).data());
            assertThat(b.get("problems").get(0).asText()).isEqualTo("quality: expected hd or sd, got \"4k\"");
        }
    }

    @Test
    void closedSubscribersAreForgotten() throws Exception {
        SseReader feed = new SseReader(page.http, page.uri("api/events"));
        await().atMost(Duration.ofSeconds(10)).until(() -> page.server.subscribers() == 1);
        feed.close();

        // A gone client is noticed on the next write to it.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.cameras.put(TestCameras.front(CameraStatus.STARTING));
            return page.server.subscribers() == 0;
        });
    }
}
