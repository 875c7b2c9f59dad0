package dev.gwellbridge.e2e;

import static dev.gwellbridge.e2e.StackMqtt.last;
import static dev.gwellbridge.e2e.StackMqtt.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.ha.HaIds;
import dev.gwellbridge.mqtt.Mosquitto;
import dev.gwellbridge.mqtt.MqttBridge;
import dev.gwellbridge.mqtt.MqttProbe;
import dev.gwellbridge.mqtt.TcpProxy;
import dev.gwellbridge.sim.SimCameraHandle;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * The broker side of issue 7 on the real stack: a cut connection (last will), a broker restart
 * without persistence, and retained commands waiting at start. One stack for the class; each test
 * gets its own mosquitto and bridge and leaves the camera streaming.
 */
@Timeout(180)
class MqttStackFailoverIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BASE = "wyzegw";
    private static final String PREFIX = "homeassistant";
    private static final String AVAILABILITY = BASE + "/bridge/availability";
    private static final AtomicInteger BRIDGES = new AtomicInteger();

    @TempDir
    static Path stackDir;

    private static SimStack stack;

    @TempDir
    Path dir;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Mosquitto broker;

    @BeforeAll
    static void startStack() throws Exception {
        stack = StackMqtt.stack(stackDir, 1).start();
        await().atMost(Duration.ofSeconds(60)).until(stack::allStreaming);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void startBroker() {
        broker = Mosquitto.start(dir.resolve("broker"));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        broker.stop();
    }

    private MqttBridge bridge(int port) {
        int n = BRIDGES.incrementAndGet();
        MqttBridge b = StackMqtt.bridge(stack, port, BASE, PREFIX, "5eed0002-aaaa-4000-8000-00000000000" + n);
        closeables.add(b);
        return b;
    }

    private MqttProbe probe(String... filters) throws Exception {
        MqttProbe p = new MqttProbe(broker.port());
        closeables.add(p);
        return p.subscribe(filters);
    }

    private static String topic(String leaf) {
        return BASE + "/" + StackMqtt.state(stack, 0).slug() + "/" + leaf;
    }

    private static CameraId camera() {
        return StackMqtt.state(stack, 0).id();
    }

    @Test
    void cutConnectionMakesTheBrokerPublishTheLastWill() throws Exception {
        TcpProxy proxy = new TcpProxy(broker.port());
        closeables.add(proxy);
        MqttBridge bridge = bridge(proxy.port());
        bridge.start();
        MqttProbe ha = probe(AVAILABILITY, topic("availability"));
        await().atMost(WAIT)
                .until(() -> last(ha.texts(AVAILABILITY)).equals("online")
                        && last(ha.texts(topic("availability"))).equals("online"));

        proxy.kill();

        await().atMost(WAIT).until(() -> last(ha.texts(AVAILABILITY)).equals("offline"));
        // Every camera entity lists the bridge topic with availability_mode all, so all go unavailable.
        MqttProbe late = probe(AVAILABILITY);
        await().atMost(WAIT).until(() -> late.has(AVAILABILITY, MqttProbe.Message::retained));
        assertThat(late.texts(AVAILABILITY)).containsExactly("offline");
        await().atMost(WAIT).until(() -> !bridge.status().connected());
    }

    @Test
    void brokerRestartIsSurvivedAndACommandWorksWithinFifteenSeconds() throws Exception {
        SimCameraHandle cam = stack.simulator().camera(0);
        MqttBridge bridge = bridge(broker.port());
        bridge.start();
        await().atMost(WAIT).until(() -> bridge.status().connected());

        broker.stop();
        await().atMost(WAIT).until(() -> !bridge.status().connected());
        long restartedAt = System.nanoTime();
        broker.start();

        // The broker kept nothing, so everything a subscriber sees was republished on reconnect.
        MqttProbe ha = probe(BASE + "/#", PREFIX + "/device/+/config");
        String config = PREFIX + "/device/" + HaIds.device(camera()) + "/config";
        await().atMost(Duration.ofSeconds(15))
                .until(() -> last(ha.texts(AVAILABILITY)).equals("online")
                        && ha.has(config, m -> m.payload().length > 0)
                        && last(ha.texts(topic("stream/state"))).equals("ON")
                        && last(ha.texts(topic("status"))).equals("streaming"));
        ha.publish(topic("stream/set"), "OFF", false);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> status(stack, 0, CameraStatus.IDLE)
                        && last(ha.texts(topic("status"))).equals("idle"));
        assertThat(Duration.ofNanos(System.nanoTime() - restartedAt)).isLessThan(Duration.ofSeconds(15));
        await().atMost(WAIT).until(() -> !cam.streaming());

        ha.publish(topic("stream/set"), "ON", false);
        await().atMost(WAIT)
                .until(() -> cam.streaming() && last(ha.texts(topic("status"))).equals("streaming"));
    }

    @Test
    void retainedOnAtStartIsIgnoredAndCleared() throws Exception {
        SimCameraHandle cam = stack.simulator().camera(0);
        assertThat(stack.supervisor()
                        .command(camera(), new CameraCommand.Stop())
                        .get(10, TimeUnit.SECONDS)
                        .ok())
                .isTrue();
        await().atMost(WAIT).until(() -> status(stack, 0, CameraStatus.IDLE) && !cam.streaming());
        int streams = cam.streamsStarted();
        MqttProbe ha = probe(BASE + "/#");
        ha.publish(topic("stream/set"), "ON", true);
        await().atMost(WAIT).until(() -> ha.texts(topic("stream/set")).contains("ON"));

        MqttBridge bridge = bridge(broker.port());
        bridge.start();

        // Cleared with an empty retained payload; the camera stays off.
        await().atMost(WAIT)
                .until(() -> ha.texts(topic("stream/set")).contains("")
                        && last(ha.texts(topic("stream/state"))).equals("OFF")
                        && last(ha.texts(topic("status"))).equals("idle"));
        MqttProbe fresh = probe(topic("stream/set"), AVAILABILITY);
        await().atMost(WAIT).until(() -> fresh.has(AVAILABILITY, MqttProbe.Message::retained));
        assertThat(fresh.on(topic("stream/set"))).isEmpty();
        assertThat(status(stack, 0, CameraStatus.IDLE)).isTrue();
        assertThat(StackMqtt.state(stack, 0).streamOn()).isFalse();
        assertThat(cam.streamsStarted()).isEqualTo(streams);

        // A live ON is obeyed.
        ha.publish(topic("stream/set"), "ON", false);
        await().atMost(WAIT)
                .until(() -> cam.streaming() && last(ha.texts(topic("status"))).equals("streaming"));
        assertThat(cam.streamsStarted()).isGreaterThan(streams);
    }
}
