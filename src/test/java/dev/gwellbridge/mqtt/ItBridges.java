package dev.gwellbridge.mqtt;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.StreamUrls;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/** Builds real bridges (Paho, own thread) with short delays for the integration tests. */
public final class ItBridges {
    /** The design's behaviour with delays cut so a test class runs in seconds. */
    public static final MqttTimings FAST = new MqttTimings(
            Duration.ofMillis(200),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofMillis(300),
            Duration.ofMillis(500),
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));

    private ItBridges() {}

    static MqttBridge bridge(int port, String base, String prefix, FakeCameraControl cams, Path dataDir) {
        AtomicReference<MqttBridge> self = new AtomicReference<>();
        MqttBridge b = new MqttBridge(
                MqttSettings.anonymous("127.0.0.1", port, base, prefix, "0badc0de-1234-4000-8000-000000000001"),
                cams,
                () -> new BridgeStatus(
                        "0.1.0",
                        Instant.now(),
                        0,
                        new CloudStatus("ok", "Logged in.", null, 1, "options"),
                        self.get() == null ? null : self.get().status(),
                        BridgeStatus.CameraCounts.of(cams.cameras()),
                        List.of()),
                slug -> new StreamUrls(
                        "rtsp://127.0.0.1:8554/" + slug, "http://127.0.0.1:8888/" + slug + "/index.m3u8", ""),
                dataDir,
                InstantSource.system(),
                new SplittableRandom(11),
                Thread::new,
                FAST);
        self.set(b);
        return b;
    }
}
