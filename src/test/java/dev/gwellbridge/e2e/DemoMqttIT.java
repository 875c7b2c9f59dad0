package dev.gwellbridge.e2e;

import static dev.gwellbridge.e2e.StackMqtt.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.mqtt.Mosquitto;
import dev.gwellbridge.mqtt.MqttProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} with a broker: the simulated cameras appear in Home Assistant as retained discovery
 * configs and obey {@code stream/set}, and a killed process leaves its last will. The broker listens
 * on localhost:1883, where the demo looks for one without any MQTT option; when that port is taken
 * on the machine, the options file points the demo at the test's broker instead ({@code
 * mqtt.host}/{@code mqtt.port}). Unique topic roots keep other bridges on the same broker out of
 * the picture.
 */
@Timeout(180)
class DemoMqttIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STANDARD_PORT = 1883;
    private static final String BASE = "demo_it";
    private static final String PREFIX = "demo_ha";
    private static final String AVAILABILITY = BASE + "/bridge/availability";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private boolean standard;
    private Mosquitto broker;
    private MqttProbe ha;

    @BeforeEach
    void startBroker() throws Exception {
        standard = free(STANDARD_PORT);
        broker = standard
                ? Mosquitto.startOn(dir.resolve("broker"), STANDARD_PORT)
                : Mosquitto.start(dir.resolve("broker"));
        ha = new MqttProbe(broker.port()).subscribe(PREFIX + "/device/+/config", BASE + "/#");
    }

    @AfterEach
    void stopBroker() {
        if (ha != null) {
            ha.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    /** Starts the demo jar with options that use the test's broker and free ports. */
    private JarProcess demo(int cameras) throws IOException {
        ObjectNode options = JSON.createObjectNode();
        ObjectNode mqtt = options.putObject("mqtt");
        mqtt.put("base_topic", BASE);
        mqtt.put("discovery_prefix", PREFIX);
        if (!standard) {
            mqtt.put("host", "127.0.0.1");
            mqtt.put("port", broker.port());
        }
        options.put("rtsp_port", Mosquitto.freePort());
        options.put("hls_port", Mosquitto.freePort());
        Path optionsFile = dir.resolve("options.json");
        Files.writeString(optionsFile, JSON.writeValueAsString(options));
        return JarProcess.start(
                dir.resolve("work"),
                "demo",
                "--cameras",
                Integer.toString(cameras),
                "--web-port",
                Integer.toString(Mosquitto.freePort()),
                "--options",
                optionsFile.toString());
    }

    @Test
    void demoCamerasAreDiscoveredAndObeyTheStreamSwitch() throws Exception {
        try (JarProcess demo = demo(2)) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the demo process ended", () -> !demo.alive())
                    .until(() -> cameraConfigs().size() == 2);
            List<JsonNode> configs = new ArrayList<>(cameraConfigs().values());
            for (JsonNode c : configs) {
                assertThat(c.get("device").get("identifiers").get(0).asText()).startsWith("wyzegw_");
                assertThat(c.get("device").get("via_device").asText()).isEqualTo("wyzegw_bridge");
                assertThat(c.get("origin").get("name").asText()).isEqualTo("wyze-gwell-bridge");
                c.get("components").forEach(comp -> {
                    assertThat(comp.hasNonNull("platform")).isTrue();
                    assertThat(comp.hasNonNull("unique_id")).isTrue();
                });
            }
            // Kept by the broker: a client that subscribes later (Home Assistant starting) gets them.
            try (MqttProbe late = new MqttProbe(broker.port()).subscribe(PREFIX + "/device/+/config")) {
                await().atMost(WAIT)
                        .until(() -> late.messages().stream()
                                        .filter(MqttProbe.Message::retained)
                                        .count()
                                == 3);
            }

            String set = configs.get(0)
                    .get("components")
                    .get("stream")
                    .get("command_topic")
                    .asText();
            String root = set.substring(0, set.length() - "stream/set".length());
            await().atMost(Duration.ofSeconds(60))
                    .failFast("the demo process ended", () -> !demo.alive())
                    .until(() -> last(ha.texts(root + "status")).equals("streaming"));

            ha.publish(set, "OFF", false);
            await().atMost(WAIT)
                    .until(() -> last(ha.texts(root + "status")).equals("idle")
                            && last(ha.texts(root + "stream/state")).equals("OFF"));
            ha.publish(set, "ON", false);
            await().atMost(WAIT).until(() -> last(ha.texts(root + "status")).equals("streaming"));
            assertThat(last(ha.texts(root + "stream/state"))).isEqualTo("ON");
            assertThat(ha.texts(AVAILABILITY)).containsOnly("online");
            assertThat(demo.stderr()).contains(standard ? "127.0.0.1:1883 (localhost)" : "(options)");

            demo.terminate(Duration.ofSeconds(5));
            await().atMost(WAIT).until(() -> last(ha.texts(AVAILABILITY)).equals("offline"));
        }
    }

    @Test
    void killedDemoLeavesItsLastWill() throws Exception {
        try (JarProcess demo = demo(1)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the demo process ended", () -> !demo.alive())
                    .until(() -> last(ha.texts(AVAILABILITY)).equals("online")
                            && ha.messages().stream()
                                    .anyMatch(m -> m.topic().endsWith("/status")
                                            && m.text().equals("streaming")));

            demo.kill();

            // No clean shutdown ran: the broker publishes the will, retained for whoever comes next.
            await().atMost(WAIT).until(() -> last(ha.texts(AVAILABILITY)).equals("offline"));
            assertThat(demo.stderr()).doesNotContain("stopping");
            try (MqttProbe late = new MqttProbe(broker.port()).subscribe(AVAILABILITY)) {
                await().atMost(WAIT).until(() -> late.has(AVAILABILITY, MqttProbe.Message::retained));
                assertThat(late.texts(AVAILABILITY)).containsExactly("offline");
            }
        }
    }

    /** The camera configs seen so far, by topic. */
    private Map<String, JsonNode> cameraConfigs() throws IOException {
        Map<String, JsonNode> configs = new TreeMap<>();
        for (MqttProbe.Message m : ha.messages()) {
            if (m.topic().startsWith(PREFIX + "/device/wyzegw_")
                    && !m.topic().equals(PREFIX + "/device/wyzegw_bridge/config")
                    && m.payload().length > 0) {
                configs.put(m.topic(), JSON.readTree(m.payload()));
            }
        }
        return configs;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return s.isBound();
        } catch (IOException taken) {
            return false;
        }
    }
}
