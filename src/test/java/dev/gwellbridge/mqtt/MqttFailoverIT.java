package dev.gwellbridge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.CameraCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Broken connections and broker restarts, each test with its own mosquitto. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttFailoverIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String AVAILABILITY = "wyzegw/bridge/availability";

    @TempDir
    Path dir;

    private Mosquitto broker;
    private FakeCameraControl cams;
    private MqttBridge bridge;
    private MqttProbe probe;

    @BeforeEach
    void setUp() {
        broker = Mosquitto.start(dir);
        cams = new FakeCameraControl(InstantSource.system());
        cams.push(FakeCameraControl.frontDoor(Instant.now()));
    }

    @AfterEach
    void tearDown() {
        if (bridge != null) {
            bridge.close();
        }
        if (probe != null) {
            probe.close();
        }
        broker.stop();
    }

    @Test
    void abruptlyCutConnectionMakesTheBrokerPublishTheLastWill() throws Exception {
        try (TcpProxy proxy = new TcpProxy(broker.port())) {
            bridge = ItBridges.bridge(proxy.port(), "wyzegw", "homeassistant", cams, dir);
            bridge.start();
            probe = new MqttProbe(broker.port()).subscribe(AVAILABILITY);
            await().atMost(WAIT).until(() -> probe.texts(AVAILABILITY).contains("online"));

            proxy.kill();

            await().atMost(WAIT).until(() -> probe.texts(AVAILABILITY).contains("offline"));
            assertThat(probe.texts(AVAILABILITY)).endsWith("offline");
            await().atMost(WAIT).until(() -> !bridge.status().connected());
        }
    }

    @Test
    void brokerRestartIsSurvivedAndCommandsWorkAgainWithinFifteenSeconds() throws Exception {
        bridge = ItBridges.bridge(broker.port(), "wyzegw", "homeassistant", cams, dir);
        bridge.start();
        await().atMost(WAIT).until(() -> bridge.status().connected());

        broker.stop();
        await().atMost(WAIT).until(() -> !bridge.status().connected());
        long restartedAt = System.nanoTime();
        broker.start();

        probe = new MqttProbe(broker.port()).subscribe("wyzegw/#", "homeassistant/device/+/config");
        await().atMost(WAIT)
                .until(() -> probe.has(AVAILABILITY, m -> m.text().equals("online"))
                        && probe.has("homeassistant/device/wyzegw_AABBCCDDEEFF/config", m -> m.payload().length > 0)
                        && probe.has(
                                "wyzegw/front_door/stream/state", m -> m.text().equals("ON")));
        probe.publish("wyzegw/front_door/stream/set", "OFF", false);
        await().atMost(WAIT)
                .until(() -> cams.commands()
                        .contains(new FakeCameraControl.Received(
                                cams.state(dev.gwellbridge.camera.CameraId.of("GW_BE1_AABBCCDDEEFF"))
                                        .id(),
                                new CameraCommand.Stop())));

        assertThat(Duration.ofNanos(System.nanoTime() - restartedAt)).isLessThan(Duration.ofSeconds(15));
        await().atMost(WAIT)
                .until(() -> probe.texts("wyzegw/front_door/stream/state").contains("OFF"));
    }
}
