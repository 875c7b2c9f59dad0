package dev.gwellbridge.e2e;

import static dev.gwellbridge.e2e.StackMqtt.last;
import static dev.gwellbridge.e2e.StackMqtt.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.ha.HaIds;
import dev.gwellbridge.mqtt.Mosquitto;
import dev.gwellbridge.mqtt.MqttBridge;
import dev.gwellbridge.mqtt.MqttProbe;
import dev.gwellbridge.sim.SimCameraHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 on the real stack: the simulator, GWell sessions, ffmpeg and the supervisor under the MQTT
 * bridge and a real mosquitto, with Home Assistant played by a separate Paho client. The tests share
 * one stack and leave the camera streaming, so they run in any order.
 */
@Timeout(180)
class MqttStackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BASE = "wyzegw";
    private static final String PREFIX = "homeassistant";
    /** Entities that show the camera's reachability or status must stay available when it drops. */
    private static final Set<String> BRIDGE_ONLY = Set.of("online", "status", "activity");

    @TempDir
    static Path dir;

    private static Mosquitto broker;
    private static SimStack stack;
    private static MqttBridge bridge;

    private final List<MqttProbe> probes = new ArrayList<>();

    @BeforeAll
    static void startStack() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"));
        stack = StackMqtt.stack(dir.resolve("data"), 1);
        bridge = StackMqtt.bridge(stack, broker.port(), BASE, PREFIX, "5eed0001-aaaa-4000-8000-000000000001");
        bridge.start();
        stack.start();
        await().atMost(Duration.ofSeconds(60)).until(stack::allStreaming);
        await().atMost(WAIT).until(() -> bridge.status().connected());
    }

    @AfterAll
    static void stopStack() {
        try {
            if (bridge != null) {
                bridge.close();
            }
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (broker != null) {
                broker.stop();
            }
        }
    }

    @AfterEach
    void closeProbes() {
        probes.forEach(MqttProbe::close);
    }

    private MqttProbe probe(String... filters) throws Exception {
        MqttProbe p = new MqttProbe(broker.port());
        probes.add(p);
        return p.subscribe(filters);
    }

    private static String slug(int camera) {
        return StackMqtt.state(stack, camera).slug();
    }

    private static String topic(int camera, String leaf) {
        return BASE + "/" + slug(camera) + "/" + leaf;
    }

    private static String configTopic(int camera) {
        return PREFIX + "/device/" + HaIds.device(StackMqtt.state(stack, camera).id()) + "/config";
    }

    @Test
    void discoveryIsRetainedCompleteAndPointsAtTopicsTheStackPublishes() throws Exception {
        String bridgeConfig = PREFIX + "/device/wyzegw_bridge/config";
        MqttProbe ha = probe(PREFIX + "/device/+/config", BASE + "/#");
        await().atMost(WAIT)
                .until(() -> ha.has(configTopic(0), MqttProbe.Message::retained)
                        && ha.has(bridgeConfig, MqttProbe.Message::retained));

        for (int i = 0; i < stack.simulator().cameras().size(); i++) {
            CameraId id = StackMqtt.state(stack, i).id();
            JsonNode config = JSON.readTree(ha.on(configTopic(i)).get(0).payload());
            JsonNode device = config.get("device");
            assertThat(device.get("identifiers").get(0).asText()).isEqualTo("wyzegw_" + id.mac());
            assertThat(device.get("via_device").asText()).isEqualTo("wyzegw_bridge");
            for (String key : List.of("name", "manufacturer", "model", "model_id")) {
                assertThat(device.hasNonNull(key)).as(key).isTrue();
            }
            JsonNode origin = config.get("origin");
            assertThat(origin.get("name").asText()).isEqualTo("wyze-gwell-bridge");
            assertThat(origin.hasNonNull("sw_version")).isTrue();
            assertThat(config.get("availability_mode").asText()).isEqualTo("all");
            assertThat(availabilityTopics(config))
                    .containsExactly(BASE + "/bridge/availability", topic(i, "availability"));

            JsonNode components = config.get("components");
            assertThat(components.size()).isGreaterThanOrEqualTo(9);
            for (Map.Entry<String, JsonNode> e : components.properties()) {
                JsonNode c = e.getValue();
                assertThat(c.hasNonNull("platform")).as(e.getKey()).isTrue();
                assertThat(c.get("unique_id").asText()).isEqualTo("wyzegw_" + id.mac() + "_" + e.getKey());
                if (BRIDGE_ONLY.contains(e.getKey())) {
                    assertThat(availabilityTopics(c)).as(e.getKey()).containsExactly(BASE + "/bridge/availability");
                } else {
                    assertThat(c.has("availability")).as(e.getKey()).isFalse();
                }
                assertPublished(ha, e.getKey(), c);
            }
            assertThat(components.get("stream").get("command_topic").asText()).isEqualTo(topic(i, "stream/set"));
        }

        JsonNode bridgeDevice = JSON.readTree(ha.on(bridgeConfig).get(0).payload());
        assertThat(bridgeDevice.has("availability")).isFalse();
        assertThat(bridgeDevice.get("origin").get("name").asText()).isEqualTo("wyze-gwell-bridge");
        bridgeDevice.get("components").forEach(c -> {
            assertThat(c.hasNonNull("platform")).isTrue();
            assertThat(c.get("unique_id").asText()).startsWith("wyzegw_bridge_");
        });
        JsonNode state = JSON.readTree(last(ha.texts(BASE + "/bridge/state")));
        assertThat(state.get("cameras").get("total").asInt()).isEqualTo(1);
        assertThat(state.get("cloud").get("auth").asText()).isEqualTo("ok");
    }

    /**
     * A component's state topic carries a retained message on the real stack, and a JSON payload
     * holds the field its value template reads. Events and snapshots are not retained state.
     */
    private static void assertPublished(MqttProbe ha, String key, JsonNode c) throws Exception {
        if (!c.has("state_topic") || key.equals("activity")) {
            return;
        }
        String t = c.get("state_topic").asText();
        await().atMost(WAIT).until(() -> ha.has(t, MqttProbe.Message::retained));
        if (c.has("value_template")) {
            String template = c.get("value_template").asText();
            String field = template.replaceAll(".*value_json\\.([a-z_]+).*", "$1");
            JsonNode payload = JSON.readTree(last(ha.texts(t)));
            assertThat(payload.has(field))
                    .as("%s: %s in %s", key, field, payload)
                    .isTrue();
            assertOption(key, c, payload.get(field).asText());
        } else {
            assertOption(key, c, last(ha.texts(t)));
        }
    }

    /** An enum sensor or a select only ever gets one of the options it declared. */
    private static void assertOption(String key, JsonNode c, String value) {
        if (c.has("options")) {
            List<String> options = new ArrayList<>();
            c.get("options").forEach(o -> options.add(o.asText()));
            assertThat(options).as(key).contains(value);
        }
    }

    private static List<String> availabilityTopics(JsonNode node) {
        List<String> topics = new ArrayList<>();
        node.get("availability").forEach(a -> topics.add(a.get("topic").asText()));
        return topics;
    }

    @Test
    void switchRestartSnapshotAndQualityDriveTheRealSession() throws Exception {
        SimCameraHandle cam = stack.simulator().camera(0);
        MqttProbe ha = probe(BASE + "/#");
        await().atMost(WAIT).until(() -> last(ha.texts(topic(0, "status"))).equals("streaming"));

        ha.publish(topic(0, "stream/set"), "OFF", false);
        await().atMost(WAIT)
                .until(() -> status(stack, 0, CameraStatus.IDLE)
                        && !cam.streaming()
                        && last(ha.texts(topic(0, "status"))).equals("idle")
                        && last(ha.texts(topic(0, "stream/state"))).equals("OFF"));
        // The switch lists the bridge's and the camera's availability: both stay online.
        assertThat(ha.texts(BASE + "/bridge/availability")).containsOnly("online");
        assertThat(ha.texts(topic(0, "availability"))).containsOnly("online");
        await().atMost(WAIT).until(() -> streamingCount(ha) == 0);

        // Command topics also take the MAC in place of the slug.
        int before = cam.streamsStarted();
        String mac = StackMqtt.state(stack, 0).id().mac();
        ha.publish(BASE + "/" + mac + "/stream/set", "ON", false);
        await().atMost(WAIT)
                .until(() -> last(ha.texts(topic(0, "status"))).equals("streaming")
                        && cam.streaming()
                        && cam.streamsStarted() > before);
        assertThat(last(ha.texts(topic(0, "stream/state")))).isEqualTo("ON");
        await().atMost(WAIT).until(() -> streamingCount(ha) == 1);
        Instant on = Instant.now();

        // The gate allows one start or restart per window; wait it out instead of racing it.
        await().atMost(WAIT)
                .until(() -> Duration.between(on, Instant.now()).compareTo(StackMqtt.FAST.startLimit()) > 0);
        int beforeRestart = cam.streamsStarted();
        ha.publish(topic(0, "restart/set"), "PRESS", false);
        await().atMost(WAIT)
                .until(() -> cam.streamsStarted() > beforeRestart
                        && cam.streaming()
                        && status(stack, 0, CameraStatus.STREAMING));
        await().atMost(WAIT).until(() -> last(ha.texts(topic(0, "status"))).equals("streaming"));

        ha.publish(topic(0, "snapshot/set"), "PRESS", false);
        await().atMost(WAIT).until(() -> !ha.on(topic(0, "snapshot")).isEmpty());
        byte[] jpeg = ha.on(topic(0, "snapshot")).get(0).payload();
        assertThat(StackMqtt.jpegSize(jpeg)).containsExactly(1280, 720);
        MqttProbe late = probe(topic(0, "snapshot"));
        await().atMost(WAIT).until(() -> late.has(topic(0, "snapshot"), MqttProbe.Message::retained));

        int beforeQuality = cam.streamsStarted();
        ha.publish(topic(0, "quality/set"), "sd", false);
        await().atMost(WAIT)
                .until(() -> last(ha.texts(topic(0, "quality/state"))).equals("sd"));
        CameraId id = StackMqtt.state(stack, 0).id();
        JsonNode stored = JSON.readTree(Files.readString(stack.dataDir().resolve("cameras.json")));
        assertThat(stored.get("cameras").get(id.deviceId()).get("quality").asText())
                .isEqualTo("sd");
        assertThat(StackMqtt.state(stack, 0).quality()).isEqualTo(Quality.SD);
        // The new quality takes a new session.
        await().atMost(WAIT)
                .until(() -> cam.streamsStarted() > beforeQuality && status(stack, 0, CameraStatus.STREAMING));
        MqttProbe fresh = probe(topic(0, "quality/state"));
        await().atMost(WAIT).until(() -> fresh.has(topic(0, "quality/state"), MqttProbe.Message::retained));
        assertThat(fresh.texts(topic(0, "quality/state"))).containsExactly("sd");
        assertThat(ha.texts(topic(0, "availability"))).containsOnly("online");

        // Each session end and start was announced, with the cause Node-RED flows can tell apart.
        List<String> stopped = new ArrayList<>();
        List<String> started = new ArrayList<>();
        for (String t : ha.texts(topic(0, "event"))) {
            JsonNode e = JSON.readTree(t);
            switch (e.get("event_type").asText()) {
                case "stream_stopped" -> stopped.add(e.get("cause").asText());
                case "stream_started" -> started.add(e.get("transport").asText());
                default -> {}
            }
        }
        assertThat(stopped).containsExactly("stopped", "restart", "quality");
        assertThat(started).containsExactly("lan", "lan", "lan");
    }

    private static int streamingCount(MqttProbe ha) throws Exception {
        String state = last(ha.texts(BASE + "/bridge/state"));
        return state.isEmpty()
                ? -1
                : JSON.readTree(state).get("cameras").get("streaming").asInt();
    }

    @Test
    void streamingStatsCarryTheRealBitrateAndFrameRate() throws Exception {
        MqttProbe ha = probe(topic(0, "stats"));
        // Stats are republished every second here; wait for a sample taken with video flowing.
        await().atMost(WAIT).until(() -> last(ha.texts(topic(0, "stats"))), MqttStackIT::videoFlowing);
        JsonNode st = JSON.readTree(last(ha.texts(topic(0, "stats"))));
        // The simulator sends 1280x720 at 20 fps and about 1 Mbit/s.
        assertThat(st.get("fps").asDouble()).isBetween(5.0, 30.0);
        assertThat(st.get("bitrate_kbps").asDouble()).isBetween(100.0, 5000.0);
    }

    private static boolean videoFlowing(String stats) {
        try {
            JsonNode st = JSON.readTree(stats);
            return st != null
                    && st.get("bitrate_kbps").asDouble() > 100
                    && st.get("fps").asDouble() > 10
                    && st.hasNonNull("stream_since");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void homeAssistantBirthRepublishesDiscovery() throws Exception {
        MqttProbe ha = probe(PREFIX + "/device/+/config");
        await().atMost(WAIT).until(() -> ha.has(configTopic(0), MqttProbe.Message::retained));
        int before = ha.on(configTopic(0)).size();

        ha.publish(PREFIX + "/status", "online", false);

        await().atMost(WAIT).until(() -> ha.on(configTopic(0)).size() > before);
        MqttProbe.Message again = ha.on(configTopic(0)).get(before);
        assertThat(again.retained()).as("a live republish, not the stored copy").isFalse();
        assertThat(JSON.readTree(again.payload()).get("device").get("identifiers"))
                .isEqualTo(JSON.readTree(ha.on(configTopic(0)).get(0).payload())
                        .get("device")
                        .get("identifiers"));
    }
}
