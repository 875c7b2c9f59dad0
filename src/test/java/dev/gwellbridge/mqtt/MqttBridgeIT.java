package dev.gwellbridge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Quality;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bridge against a real mosquitto, with Home Assistant played by a second Paho client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttBridgeIT {
    private static final CameraId CAM = CameraId.of("GW_BE1_AABBCCDDEEFF");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path brokerDir;

    private static Mosquitto broker;

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private String base;
    private String prefix;
    private FakeCameraControl cams;

    @BeforeAll
    static void startBroker() {
        broker = Mosquitto.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @BeforeEach
    void setUp() {
        int n = RUN.incrementAndGet();
        base = "wyzegw" + n;
        prefix = "ha" + n;
        cams = new FakeCameraControl(InstantSource.system());
        cams.push(FakeCameraControl.frontDoor(Instant.now()));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private MqttBridge startBridge() {
        MqttBridge b = ItBridges.bridge(broker.port(), base, prefix, cams, dataDir);
        closeables.add(b);
        b.start();
        await().atMost(WAIT).until(() -> b.status().connected());
        return b;
    }

    private MqttProbe probe(String... filters) throws Exception {
        MqttProbe p = new MqttProbe(broker.port());
        closeables.add(p);
        return p.subscribe(filters);
    }

    private String cam(String leaf) {
        return base + "/front_door/" + leaf;
    }

    @Test
    void discoveryConfigsAreRetainedAndCarryEveryRequiredKey() throws Exception {
        MqttBridge bridge = startBridge();
        String cameraConfig = prefix + "/device/wyzegw_AABBCCDDEEFF/config";
        String bridgeConfig = prefix + "/device/wyzegw_bridge/config";
        await().atMost(WAIT).until(() -> bridge.status().connected());

        MqttProbe ha = probe(prefix + "/device/+/config");
        await().atMost(WAIT)
                .until(() -> ha.has(cameraConfig, m -> m.retained()) && ha.has(bridgeConfig, m -> m.retained()));

        JsonNode cam = JSON.readTree(ha.on(cameraConfig).get(0).payload());
        assertThat(cam.get("device").get("identifiers").get(0).asText()).isEqualTo("wyzegw_AABBCCDDEEFF");
        assertThat(cam.get("device").get("via_device").asText()).isEqualTo("wyzegw_bridge");
        for (String key : List.of("name", "manufacturer", "model", "model_id")) {
            assertThat(cam.get("device").hasNonNull(key)).as(key).isTrue();
        }
        assertThat(cam.get("origin").get("name").asText()).isEqualTo("wyze-gwell-bridge");
        assertThat(cam.get("origin").hasNonNull("sw_version")).isTrue();
        assertThat(cam.get("origin").hasNonNull("support_url")).isTrue();
        assertThat(cam.get("availability_mode").asText()).isEqualTo("all");
        assertThat(cam.get("availability")).hasSize(2);
        assertThat(cam.get("components")).hasSize(12);
        cam.get("components").forEach(c -> {
            assertThat(c.hasNonNull("platform")).isTrue();
            assertThat(c.get("unique_id").asText()).startsWith("wyzegw_AABBCCDDEEFF_");
            assertThat(c.has("name")).isTrue();
        });
        assertThat(cam.get("components").get("camera").get("name").isNull()).isTrue();

        JsonNode br = JSON.readTree(ha.on(bridgeConfig).get(0).payload());
        assertThat(br.has("availability")).isFalse();
        assertThat(br.get("device").get("identifiers").get(0).asText()).isEqualTo("wyzegw_bridge");
        br.get("components").forEach(c -> assertThat(c.hasNonNull("unique_id")).isTrue());
    }

    @Test
    void commandsRoundTripAndTheSwitchStaysAvailable() throws Exception {
        startBridge();
        byte[] jpeg = {
            (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', (byte) 0xFF, (byte) 0xD9
        };
        cams.storeSnapshot(CAM, jpeg);
        MqttProbe ha = probe(base + "/#");
        await().atMost(WAIT).until(() -> ha.texts(cam("stream/state")).contains("ON"));

        ha.publish(cam("stream/set"), "OFF", false);
        await().atMost(WAIT).until(() -> ha.texts(cam("stream/state")).contains("OFF"));
        assertThat(cams.commands())
                .extracting(FakeCameraControl.Received::command)
                .containsExactly(new CameraCommand.Stop());
        // The switch's availability topics: the bridge's and the camera's, both still online.
        assertThat(ha.texts(base + "/bridge/availability")).containsOnly("online");
        assertThat(ha.texts(cam("availability"))).containsOnly("online");

        ha.publish(cam("stream/set"), "ON", false);
        await().atMost(WAIT).until(() -> ha.texts(cam("status")).contains("streaming"));
        Instant started = Instant.now();
        assertThat(ha.texts(cam("stream/state"))).endsWith("ON");

        // A restart right after a start would be refused (one start or restart per camera per window).
        await().atMost(WAIT)
                .until(() -> Duration.between(started, Instant.now()).compareTo(ItBridges.FAST.startLimit()) > 0);
        ha.publish(cam("restart/set"), "PRESS", false);
        ha.publish(cam("snapshot/set"), "PRESS", false);
        ha.publish(cam("quality/set"), "sd", false);

        await().atMost(WAIT).until(() -> cams.commands().size() == 5);
        assertThat(cams.commands())
                .extracting(FakeCameraControl.Received::command)
                .containsExactly(
                        new CameraCommand.Stop(),
                        new CameraCommand.Start(),
                        new CameraCommand.Restart(false),
                        new CameraCommand.Snapshot(false),
                        new CameraCommand.SetQuality(Quality.SD));
        await().atMost(WAIT)
                .until(() -> !ha.on(cam("snapshot")).isEmpty()
                        && ha.texts(cam("quality/state")).contains("sd"));
        assertThat(ha.on(cam("snapshot")).get(0).payload()).isEqualTo(jpeg);
        assertThat(ha.texts(cam("availability"))).containsOnly("online");

        MqttProbe late = probe(cam("snapshot"));
        await().atMost(WAIT).until(() -> late.has(cam("snapshot"), MqttProbe.Message::retained));
        assertThat(late.on(cam("snapshot")).get(0).payload()).isEqualTo(jpeg);
    }

    @Test
    void homeAssistantBirthMakesTheBridgeRepublishDiscovery() throws Exception {
        startBridge();
        String cameraConfig = prefix + "/device/wyzegw_AABBCCDDEEFF/config";
        MqttProbe ha = probe(prefix + "/device/+/config", base + "/front_door/status");
        await().atMost(WAIT).until(() -> ha.has(cameraConfig, MqttProbe.Message::retained));
        int before = ha.on(cameraConfig).size();

        ha.publish(prefix + "/status", "online", false);

        await().atMost(WAIT).until(() -> ha.on(cameraConfig).size() > before);
        MqttProbe.Message again = ha.on(cameraConfig).get(before);
        assertThat(again.retained()).as("a live republish, not the stored copy").isFalse();
        assertThat(again.payload()).isEqualTo(ha.on(cameraConfig).get(0).payload());
        await().atMost(WAIT).until(() -> ha.on(base + "/front_door/status").size() >= 2);
    }

    @Test
    void retainedCommandAtStartIsIgnoredAndCleared() throws Exception {
        MqttProbe ha = probe(base + "/#");
        ha.publish(cam("stream/set"), "ON", true);
        ha.publish(cam("restart/set"), "force", true);
        await().atMost(WAIT).until(() -> ha.texts(cam("stream/set")).contains("ON"));

        startBridge();

        await().atMost(WAIT)
                .until(() -> ha.texts(cam("stream/set")).contains("")
                        && ha.texts(cam("restart/set")).contains(""));
        await().atMost(WAIT).until(() -> ha.texts(base + "/bridge/availability").contains("online"));
        assertThat(cams.commands()).isEmpty();

        MqttProbe fresh = probe(cam("stream/set"), cam("restart/set"), base + "/bridge/availability");
        await().atMost(WAIT).until(() -> fresh.has(base + "/bridge/availability", MqttProbe.Message::retained));
        assertThat(fresh.on(cam("stream/set"))).isEmpty();
        assertThat(fresh.on(cam("restart/set"))).isEmpty();
    }

    @Test
    void unreachableCameraGoesOfflineAndWentOfflineFiresOnce() throws Exception {
        startBridge();
        MqttProbe ha = probe(base + "/#");
        await().atMost(WAIT).until(() -> ha.texts(cam("availability")).contains("online"));

        CameraState offline = FakeStates.unreachable(cams.state(CAM), Instant.now());
        cams.push(offline);
        cams.emit(CAM, new CameraEvent.WentOffline(Instant.now(), FailureReason.CAMERA_UNREACHABLE));
        cams.push(FakeStates.withMessage(offline, "Still not answering."));
        cams.emit(CAM, new CameraEvent.WentOffline(Instant.now(), FailureReason.CAMERA_UNREACHABLE));
        cams.emit(CAM, new CameraEvent.StreamStopped(Instant.now(), "marker"));

        await().atMost(WAIT).until(() -> ha.texts(cam("event")).stream().anyMatch(t -> t.contains("marker")));
        assertThat(ha.texts(cam("availability"))).endsWith("offline");
        assertThat(ha.texts(cam("status"))).endsWith("offline");
        List<String> types = new ArrayList<>();
        for (String t : ha.texts(cam("event"))) {
            types.add(JSON.readTree(t).get("event_type").asText());
        }
        assertThat(types).containsExactly("went_offline", "stream_stopped");
        assertThat(ha.texts(base + "/bridge/availability")).containsOnly("online");
    }

    @Test
    void cleanShutdownPublishesOffline() throws Exception {
        MqttBridge b = startBridge();
        MqttProbe ha = probe(base + "/bridge/availability");
        await().atMost(WAIT).until(() -> ha.texts(base + "/bridge/availability").contains("online"));

        b.close();

        await().atMost(WAIT).until(() -> ha.texts(base + "/bridge/availability").contains("offline"));
        assertThat(b.status().connected()).isFalse();
    }

    static JsonNode json(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }
}
