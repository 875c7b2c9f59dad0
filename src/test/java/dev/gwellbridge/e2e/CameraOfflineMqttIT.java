package dev.gwellbridge.e2e;

import static dev.gwellbridge.e2e.StackMqtt.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.mqtt.Mosquitto;
import dev.gwellbridge.mqtt.MqttBridge;
import dev.gwellbridge.mqtt.MqttProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera unplugged while streaming, on the real stack: the deadman ends the silent session, the
 * next attempt finds nobody (the protocol's INITREQ loop gives the camera 60 s), the supervisor
 * reports it unreachable, and MQTT shows it {@code offline} with one {@code went_offline} event
 * while the bridge itself stays online. The protocol's own timeouts make this take about 90 s.
 */
@Timeout(240)
class CameraOfflineMqttIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "wyzegw";

    @TempDir
    Path dir;

    @Test
    void unpluggedCameraTurnsOfflineAndWentOfflineFiresOnce() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
                SimStack stack = StackMqtt.stack(dir.resolve("data"), 1);
                MqttBridge bridge = StackMqtt.bridge(
                        stack, broker.port(), BASE, "homeassistant", "5eed0003-aaaa-4000-8000-000000000003")) {
            bridge.start();
            stack.start();
            await().atMost(Duration.ofSeconds(60)).until(stack::allStreaming);
            String root = BASE + "/" + stack.camera(0).orElseThrow().slug() + "/";
            try (MqttProbe ha = new MqttProbe(broker.port()).subscribe(BASE + "/#")) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> last(ha.texts(root + "availability")).equals("online")
                                && last(ha.texts(root + "status")).equals("streaming"));

                stack.simulator().camera(0).vanish();

                await().atMost(Duration.ofSeconds(150))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> last(ha.texts(root + "availability")).equals("offline"));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> last(ha.texts(root + "status")).equals("offline"));
                assertThat(stack.camera(0).orElseThrow().status()).isEqualTo(CameraStatus.OFFLINE);
                assertThat(stack.camera(0).orElseThrow().reason()).isEqualTo(FailureReason.CAMERA_UNREACHABLE);
                // The "Online" sensor and the status list only the bridge's availability: still online.
                assertThat(ha.texts(BASE + "/bridge/availability")).containsOnly("online");

                // Let the periodic republishing run twice more: the event is not repeated.
                int states = ha.texts(BASE + "/bridge/state").size();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> ha.texts(BASE + "/bridge/state").size() >= states + 2);
                List<JsonNode> offline = new ArrayList<>();
                for (String t : ha.texts(root + "event")) {
                    JsonNode e = JSON.readTree(t);
                    if (e.get("event_type").asText().equals("went_offline")) {
                        offline.add(e);
                    }
                }
                assertThat(offline).hasSize(1);
                assertThat(offline.get(0).get("reason").asText()).isEqualTo("camera_unreachable");
                assertThat(last(ha.texts(root + "availability"))).isEqualTo("offline");
            }
        }
    }
}
