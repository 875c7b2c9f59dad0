package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.camera.SupervisorSettings;
import dev.gwellbridge.mqtt.ItBridges;
import dev.gwellbridge.mqtt.MqttBridge;
import dev.gwellbridge.mqtt.MqttSettings;
import dev.gwellbridge.mqtt.MqttTimings;
import dev.gwellbridge.sim.CameraBehaviour;
import dev.gwellbridge.sim.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The real MQTT bridge on top of a {@link SimStack}, wired as the application wires it (the
 * supervisor as camera control, the media port's URLs, the account's status), with delays the
 * product lets an installation configure cut short so a test class runs in seconds.
 */
final class StackMqtt {
    /** The design's behaviour with shorter delays (birth wait, coalescing, reconnect, keep-alive). */
    static final MqttTimings FAST = ItBridges.FAST;

    /** Always streaming, a short stagger and a short deadman, so a vanished camera is noticed quickly. */
    static final SupervisorSettings SUPERVISOR = new SupervisorSettings(
            StreamMode.ALWAYS,
            SupervisorSettings.DEFAULTS.quality(),
            Duration.ofMillis(500),
            Duration.ofSeconds(3),
            SupervisorSettings.DEFAULTS.idleTimeout(),
            Duration.ZERO,
            List.of());

    /**
     * The protocol has no hang-up message: a camera ends a call only when the viewer's meter requests
     * stop for a while (about 119 s on real cameras). The simulated cameras give up after 5 s, so a
     * stopped stream is seen to end on the camera side within the test.
     */
    static final UnaryOperator<SimulatorConfig.Builder> QUICK_HANGUP =
            b -> b.cameraBehaviour(CameraBehaviour.DEFAULT.withMeterTimeoutMs(5_000));

    private StackMqtt() {}

    /** A stack of {@code cameras} simulated cameras with {@link #SUPERVISOR} and {@link #QUICK_HANGUP}. */
    static SimStack stack(Path dataDir, int cameras) throws IOException {
        return SimStack.builder(dataDir)
                .cameras(cameras)
                .settings(SUPERVISOR)
                .simulator(QUICK_HANGUP)
                .build();
    }

    /**
     * A bridge (not started) publishing {@code stack}'s cameras to the broker at {@code port}.
     *
     * @param installId its first 8 hex digits make the client id; give each bridge of a test its own
     */
    static MqttBridge bridge(SimStack stack, int port, String base, String prefix, String installId) {
        AtomicReference<MqttBridge> self = new AtomicReference<>();
        Instant startedAt = Instant.now();
        MqttBridge b = new MqttBridge(
                MqttSettings.anonymous("127.0.0.1", port, base, prefix, installId),
                stack.supervisor(),
                () -> new BridgeStatus(
                        "0.1.0",
                        startedAt,
                        stack.supervisor().handshakeQueueDepth(),
                        stack.account().status(),
                        self.get() == null ? null : self.get().status(),
                        BridgeStatus.CameraCounts.of(stack.supervisor().cameras()),
                        List.of()),
                stack.media()::urls,
                stack.dataDir(),
                InstantSource.system(),
                new SplittableRandom(7),
                r -> {
                    Thread t = new Thread(r, "mqtt");
                    t.setDaemon(true);
                    return t;
                },
                FAST);
        self.set(b);
        return b;
    }

    /** The supervisor's state of simulated camera {@code index}, which must exist. */
    static CameraState state(SimStack stack, int index) {
        return stack.camera(index).orElseThrow();
    }

    static boolean status(SimStack stack, int index, CameraStatus status) {
        return stack.camera(index).map(s -> s.status() == status).orElse(false);
    }

    /** The last of some texts, or empty when there are none. */
    static String last(List<String> texts) {
        return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
    }

    /**
     * Width and height from a JPEG's start-of-frame segment, after checking the SOI and EOI markers.
     *
     * @throws AssertionError when the bytes are not a complete baseline or progressive JPEG
     */
    static int[] jpegSize(byte[] jpeg) {
        assertThat(jpeg.length).as("JPEG length").isGreaterThan(4);
        assertThat(u8(jpeg, 0) << 8 | u8(jpeg, 1)).as("SOI").isEqualTo(0xFFD8);
        assertThat(u8(jpeg, jpeg.length - 2) << 8 | u8(jpeg, jpeg.length - 1))
                .as("EOI")
                .isEqualTo(0xFFD9);
        int i = 2;
        while (i + 9 < jpeg.length) {
            assertThat(u8(jpeg, i)).as("marker at %d", i).isEqualTo(0xFF);
            int marker = u8(jpeg, i + 1);
            int length = u8(jpeg, i + 2) << 8 | u8(jpeg, i + 3);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                int height = u8(jpeg, i + 5) << 8 | u8(jpeg, i + 6);
                int width = u8(jpeg, i + 7) << 8 | u8(jpeg, i + 8);
                return new int[] {width, height};
            }
            i += 2 + length;
        }
        throw new AssertionError("no start-of-frame segment in " + jpeg.length + " bytes");
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}
