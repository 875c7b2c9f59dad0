package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamConnection;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.camera.TransportPreference;
import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.session.ConnectorSettings;
import dev.gwellbridge.session.LanFilter;
import dev.gwellbridge.session.SessionConnector;
import dev.gwellbridge.sim.SimCameraInfo;
import dev.gwellbridge.sim.Simulator;
import dev.gwellbridge.sim.SimulatorConfig;
import dev.gwellbridge.sim.SimulatorHandle;
import dev.gwellbridge.sim.TestPattern;
import dev.gwellbridge.sim.TestPatternGenerator;
import dev.gwellbridge.sim.VideoSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cameras[].transport} option at session level: the real {@link SessionConnector} against
 * the real simulator over loopback UDP/TCP, with a LAN-capable camera whose LAN IP is known. {@code
 * relay} streams it through the server's TCP relay, {@code lan} straight over the LAN.
 */
@Timeout(120)
class TransportPreferenceIT {
    private static final TestPattern PATTERN = new TestPattern(320, 240, 10, 2, 200);

    @TempDir
    static Path cache;

    private static VideoSource source;

    @BeforeAll
    static void generatePattern() throws Exception {
        source = VideoSource.read(new TestPatternGenerator("ffmpeg", cache).ensure(PATTERN), FrameRate.FALLBACK);
    }

    private static SessionConnector connector(SimulatorHandle sim) {
        String server = sim.serverAddress().getAddress().getHostAddress() + ":"
                + sim.serverAddress().getPort();
        AtomicInteger n = new AtomicInteger();
        return new SessionConnector(
                ConnectorSettings.DEFAULT
                        .withP2pServer(server)
                        .withLanFilter(LanFilter.defaults().allowingLoopback())
                        .withStallTimeout(Duration.ofSeconds(30)),
                r -> {
                    Thread t = new Thread(r, "session-transport-it-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    private static StreamRequest request(SimCameraInfo cam, TransportPreference transport) {
        return new StreamRequest(
                new CameraInfo(
                        CameraId.of(cam.deviceId()),
                        cam.name(),
                        "",
                        "",
                        cam.lanAddress().getAddress().getHostAddress(),
                        true),
                new P2pCredential(cam.accessId(), cam.accessToken(), Instant.MAX),
                Quality.HD,
                transport);
    }

    /** Streams the whole pattern with {@code transport}; returns what the session reported. */
    private static RecordingHandler stream(long seed, TransportPreference transport) throws Exception {
        try (SimulatorHandle sim = Simulator.start(
                SimulatorConfig.builder().source(source).seed(seed).build())) {
            RecordingHandler h = new RecordingHandler();
            StreamConnection c = connector(sim).open(request(sim.camera(0).info(), transport), h);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .failFast("session ended", () -> h.end().isPresent())
                        .until(() -> h.size() >= source.size());
                assertThat(h.video()).isEqualTo(source.bytes());
                assertThat(sim.violations().all()).isEmpty();
                return h;
            } finally {
                c.close();
            }
        }
    }

    @Test
    void relayStreamsALanCameraThroughTheRelay() throws Exception {
        RecordingHandler h = stream(61, TransportPreference.RELAY);

        assertThat(h.streaming())
                .singleElement()
                .satisfies(t -> assertThat(t.kind()).isEqualTo("relay"));
        assertThat(h.phases()).doesNotContain("network-detect");
    }

    @Test
    void lanStreamsTheSameCameraOverTheLan() throws Exception {
        RecordingHandler h = stream(61, TransportPreference.LAN);

        assertThat(h.streaming()).containsExactly(Transport.LAN_UDP);
        assertThat(h.phases()).contains("network-detect");
    }
}
