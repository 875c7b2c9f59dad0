package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamConnection;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.session.ConnectorSettings;
import dev.gwellbridge.session.LanFilter;
import dev.gwellbridge.session.SessionConnector;
import dev.gwellbridge.sim.CameraBehaviour;
import dev.gwellbridge.sim.SimCameraInfo;
import dev.gwellbridge.sim.SimMode;
import dev.gwellbridge.sim.Simulator;
import dev.gwellbridge.sim.SimulatorConfig;
import dev.gwellbridge.sim.SimulatorHandle;
import dev.gwellbridge.sim.TestPattern;
import dev.gwellbridge.sim.TestPatternGenerator;
import dev.gwellbridge.sim.VideoSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 acceptance at session level, the real {@link SessionConnector} against the real simulator
 * over loopback UDP/TCP: a 2 s blackout is bridged by KCP inside the same session, a vanished camera
 * ends the session with a reason and a new session streams once it is back, a relay-only camera
 * never hangs the client, and eight cameras stream at once, each byte for byte.
 */
@Timeout(180)
class SessionRecoveryIT {
    /** 8 s at 10 fps, 200 kbit/s: long enough for a blackout in the middle, quick to send. */
    private static final TestPattern LONG = new TestPattern(320, 240, 10, 8, 200);
    /** 3 s for the many-camera case. */
    private static final TestPattern SHORT = new TestPattern(320, 240, 10, 3, 200);

    @TempDir
    static Path cache;

    private static VideoSource longSource;
    private static VideoSource shortSource;

    @BeforeAll
    static void generatePatterns() throws Exception {
        TestPatternGenerator generator = new TestPatternGenerator("ffmpeg", cache);
        longSource = VideoSource.read(generator.ensure(LONG), FrameRate.FALLBACK);
        shortSource = VideoSource.read(generator.ensure(SHORT), FrameRate.FALLBACK);
    }

    private static SessionConnector connector(SimulatorHandle sim, Duration stall) {
        String server = sim.serverAddress().getAddress().getHostAddress() + ":"
                + sim.serverAddress().getPort();
        AtomicInteger n = new AtomicInteger();
        return new SessionConnector(
                ConnectorSettings.DEFAULT
                        .withP2pServer(server)
                        .withLanFilter(LanFilter.defaults().allowingLoopback())
                        .withStallTimeout(stall),
                r -> {
                    Thread t = new Thread(r, "session-it-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    private static StreamRequest request(SimCameraInfo cam) {
        return request(cam, cam.lanAddress().getAddress().getHostAddress());
    }

    /** @param lanIp the camera's LAN IP as the account reports it, empty when unknown */
    private static StreamRequest request(SimCameraInfo cam, String lanIp) {
        return new StreamRequest(
                new CameraInfo(CameraId.of(cam.deviceId()), cam.name(), "", "", lanIp, true),
                new P2pCredential(cam.accessId(), cam.accessToken(), Instant.MAX),
                Quality.HD);
    }

    private static SimulatorConfig.Builder config(VideoSource source, long seed, boolean loop) {
        return SimulatorConfig.builder()
                .source(source)
                .seed(seed)
                .cameraBehaviour(CameraBehaviour.DEFAULT.withLoopSource(loop));
    }

    @Test
    void aTwoSecondBlackoutMidStreamIsBridgedByKcpWithinTheSameSession() throws Exception {
        try (SimulatorHandle sim = Simulator.start(config(longSource, 41, false).build())) {
            RecordingHandler h = new RecordingHandler();
            StreamConnection c = connector(sim, Duration.ofSeconds(30))
                    .open(request(sim.camera(0).info()), h);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .failFast("session ended", () -> h.end().isPresent())
                        .until(() -> h.size() > longSource.size() / 4);
                sim.camera(0).blackout(Duration.ofSeconds(2));
                int atBlackout = h.size();
                await().atMost(Duration.ofSeconds(60))
                        .failFast("session ended", () -> h.end().isPresent())
                        .until(() -> h.size() >= longSource.size());
                assertThat(atBlackout).as("the blackout began mid-stream").isLessThan(longSource.size());
                assertThat(h.video()).isEqualTo(longSource.bytes());
                assertThat(sim.camera(0).sentH264()).isEqualTo(longSource.bytes());
                assertThat(sim.camera(0).streamsStarted())
                        .as("no second stream")
                        .isEqualTo(1);
                assertThat(h.streaming()).as("one session, streaming once").hasSize(1);
                assertThat(h.end()).isEmpty();
                assertThat(sim.counters().datagramsLost())
                        .as("the blackout cost datagrams that KCP had to resend")
                        .isPositive();
                assertThat(sim.violations().all()).isEmpty();
            } finally {
                c.close();
            }
        }
    }

    @Test
    void aVanishedCameraEndsTheSessionWithAReasonAndANewSessionStreamsWhenItReturns() throws Exception {
        try (SimulatorHandle sim = Simulator.start(config(longSource, 43, true).build())) {
            SessionConnector connector = connector(sim, Duration.ofSeconds(3));
            RecordingHandler first = new RecordingHandler();
            StreamConnection c1 = connector.open(request(sim.camera(0).info()), first);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .failFast("session ended", () -> first.end().isPresent())
                        .until(() -> first.size() > 20_000);
                sim.camera(0).vanish();
                await().atMost(Duration.ofSeconds(30)).until(() -> first.end().isPresent());
                assertThat(first.end().orElseThrow().reason())
                        .isIn(FailureReason.STREAM_STALLED, FailureReason.CAMERA_UNREACHABLE);
                assertThat(first.endings()).isEqualTo(1);
            } finally {
                c1.close();
            }

            sim.camera(0).reappear();
            RecordingHandler second = new RecordingHandler();
            StreamConnection c2 = connector.open(request(sim.camera(0).info()), second);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .failFast("session ended", () -> second.end().isPresent())
                        .until(() -> second.size() > 20_000);
                byte[] received = second.video();
                byte[] sent = sim.camera(0).sentH264();
                assertThat(sim.camera(0).streamsStarted()).isEqualTo(2);
                assertThat(sent.length).isGreaterThanOrEqualTo(received.length);
                assertThat(Arrays.mismatch(received, Arrays.copyOf(sent, received.length)))
                        .as("the new session receives the new stream from its start")
                        .isEqualTo(-1);
                assertThat(second.streaming()).containsExactly(Transport.LAN_UDP);
            } finally {
                c2.close();
            }
        }
    }

    @Test
    void aRelayOnlyCameraStreamsThroughTheRelayOrIsReportedRelayOnlyInBoundedTime() throws Exception {
        try (SimulatorHandle sim = Simulator.start(
                config(shortSource, 47, false).mode(SimMode.RELAY_ONLY).build())) {
            RecordingHandler h = new RecordingHandler();
            // A relay-only camera (a doorbell) has no LAN IP in the account; with one pinned, LAN UDP
            // takes priority (GWELL-PROTOCOL.md §11.5) and the INITREQ loop runs its 60 s first.
            StreamConnection c = connector(sim, Duration.ofSeconds(10))
                    .open(request(sim.camera(0).info(), ""), h);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> h.end().isPresent() || h.size() >= shortSource.size());
                if (h.end().isPresent()) {
                    assertThat(h.end().orElseThrow().reason()).isEqualTo(FailureReason.RELAY_ONLY);
                    assertThat(h.size()).isZero();
                } else {
                    assertThat(h.streaming())
                            .singleElement()
                            .satisfies(t -> assertThat(t.kind()).isEqualTo("relay"));
                    assertThat(h.video()).isEqualTo(shortSource.bytes());
                }
                assertThat(sim.violations().all()).isEmpty();
            } finally {
                c.close();
            }
        }
    }

    @Test
    void eightCamerasStreamAtOnceEachByteForByte() throws Exception {
        try (SimulatorHandle sim =
                Simulator.start(config(shortSource, 53, false).cameras(8).build())) {
            SessionConnector connector = connector(sim, Duration.ofSeconds(30));
            List<RecordingHandler> handlers = new ArrayList<>();
            List<StreamConnection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    RecordingHandler h = new RecordingHandler();
                    handlers.add(h);
                    connections.add(connector.open(request(sim.camera(i).info()), h));
                }
                await().atMost(Duration.ofMinutes(2))
                        .failFast(
                                "a session ended",
                                () -> handlers.stream().anyMatch(h -> h.end().isPresent()))
                        .until(() -> handlers.stream().allMatch(h -> h.size() >= shortSource.size()));
                for (int i = 0; i < 8; i++) {
                    assertThat(handlers.get(i).video()).as("camera %d", i).isEqualTo(shortSource.bytes());
                    assertThat(sim.camera(i).sentH264()).as("camera %d", i).isEqualTo(shortSource.bytes());
                    assertThat(sim.camera(i).streamsStarted())
                            .as("camera %d", i)
                            .isEqualTo(1);
                }
                assertThat(sim.violations().all()).isEmpty();
            } finally {
                connections.forEach(StreamConnection::close);
            }
        }
    }
}
