package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.StreamConnection;
import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.camera.StreamHandler;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.camera.SupervisorSettings;
import dev.gwellbridge.media.FfmpegTestSupport;
import dev.gwellbridge.sim.SimCameraHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera supervisor on the real stack: the handshake stagger between cameras, a camera that
 * vanishes and comes back, and on-demand streaming that starts for a viewer and stops when idle.
 */
@Timeout(120)
class SupervisorRecoveryIT {
    private static final Duration STAGGER = Duration.ofSeconds(3);
    private static final Duration DEADMAN = Duration.ofSeconds(6);
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final Set<CameraStatus> RECOVERING = EnumSet.of(CameraStatus.RECONNECTING, CameraStatus.BACKOFF);

    @TempDir
    static Path cache;

    @TempDir
    Path dir;

    /** When the supervisor opened each session, per camera. */
    record Opened(Instant at, CameraId id) {}

    private final List<Opened> opened = new CopyOnWriteArrayList<>();

    private StreamConnector recording(StreamConnector real) {
        return new StreamConnector() {
            @Override
            public StreamConnection open(StreamRequest request, StreamHandler handler) {
                opened.add(new Opened(Instant.now(), request.camera().id()));
                return real.open(request, handler);
            }

            @Override
            public void invalidateDiscovery() {
                real.invalidateDiscovery();
            }
        };
    }

    private static SupervisorSettings settings(StreamMode mode) {
        SupervisorSettings d = SupervisorSettings.DEFAULTS;
        return new SupervisorSettings(mode, d.quality(), STAGGER, DEADMAN, IDLE, Duration.ZERO, List.of());
    }

    private static CameraId id(SimStack stack, int index) {
        return CameraId.of(stack.simulator().camera(index).info().deviceId());
    }

    private List<Opened> openedFor(CameraId id) {
        return opened.stream().filter(o -> o.id().equals(id)).toList();
    }

    @Test
    void camerasSetUpOneStaggerApartAndAVanishedCameraStreamsAgainAfterItReturns() throws Exception {
        CameraRecorder heard = new CameraRecorder();
        try (SimStack stack = SimStack.builder(dir.resolve("data"))
                .cameras(2)
                .cacheDir(cache)
                .settings(settings(StreamMode.ALWAYS))
                .connector(this::recording)
                .build()) {
            stack.supervisor().addListener(heard);
            stack.start();
            await().atMost(Duration.ofSeconds(40)).until(stack::allStreaming);

            assertThat(opened).hasSize(2);
            Duration apart = Duration.between(opened.get(0).at(), opened.get(1).at());
            System.out.printf("second session set-up started %d ms after the first%n", apart.toMillis());
            // Turns start a stagger apart on the supervisor's clock; the session opens after the
            // credential step of each turn, whose length varies by a few milliseconds.
            assertThat(apart).isBetween(STAGGER.minusMillis(100), STAGGER.plusSeconds(2));

            CameraId gone = id(stack, 0);
            CameraId other = id(stack, 1);
            Instant otherStreaming = heard.firstSince(other, CameraStatus.STREAMING, Instant.EPOCH)
                    .orElseThrow();
            SimCameraHandle camera = stack.simulator().camera(0);
            Instant vanished = Instant.now();
            camera.vanish();

            await().atMost(DEADMAN.plusSeconds(15))
                    .until(() -> heard.statusesSince(gone, vanished).stream()
                            .anyMatch(h -> RECOVERING.contains(h.status())));
            Instant noticed = heard.statusesSince(gone, vanished).stream()
                    .filter(h -> RECOVERING.contains(h.status()))
                    .findFirst()
                    .orElseThrow()
                    .at();
            System.out.printf(
                    "vanished camera noticed after %d ms; statuses since: %s%n",
                    Duration.between(vanished, noticed).toMillis(),
                    heard.statusesSince(gone, vanished).stream()
                            .map(h -> h.status().name())
                            .distinct()
                            .toList());
            assertThat(Duration.between(vanished, noticed)).isGreaterThanOrEqualTo(DEADMAN);
            String slug = stack.camera(0).orElseThrow().slug();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stack.media().session(slug).isEmpty());

            Instant returned = Instant.now();
            camera.reappear();
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> heard.firstSince(gone, CameraStatus.STREAMING, returned)
                            .isPresent());
            Instant again =
                    heard.firstSince(gone, CameraStatus.STREAMING, returned).orElseThrow();
            System.out.printf(
                    "streaming again %d ms after the camera returned%n",
                    Duration.between(returned, again).toMillis());
            assertThat(heard.statusesSince(gone, vanished))
                    .extracting(CameraRecorder.Heard::status)
                    .doesNotContain(CameraStatus.ERROR, CameraStatus.DISABLED);
            assertThat(openedFor(gone)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(stack.camera(0).orElseThrow().stats().reconnects()).isPositive();

            assertThat(heard.statusesSince(other, otherStreaming))
                    .as("the other camera streams on undisturbed")
                    .allMatch(h -> h.status() == CameraStatus.STREAMING);
            assertThat(openedFor(other)).hasSize(1);
        }
    }

    @Test
    void anOnDemandCameraStreamsForAViewerAndStopsAfterTheIdleTimeout() throws Exception {
        CameraRecorder heard = new CameraRecorder();
        try (SimStack stack = SimStack.builder(dir.resolve("data"))
                .cacheDir(cache)
                .settings(settings(StreamMode.ON_DEMAND))
                .connector(this::recording)
                .build()) {
            stack.supervisor().addListener(heard);
            stack.start();
            CameraId id = id(stack, 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> stack.camera(0).isPresent());
            assertThat(stack.camera(0).orElseThrow().status()).isEqualTo(CameraStatus.IDLE);
            assertThat(opened).as("no session without a viewer").isEmpty();
            String slug = stack.camera(0).orElseThrow().slug();

            Instant asked = Instant.now();
            stack.supervisor().viewerActive(id);
            await().atMost(Duration.ofSeconds(30)).until(stack::allStreaming);
            System.out.printf(
                    "on-demand camera streaming %d ms after the viewer came%n",
                    Duration.between(asked, Instant.now()).toMillis());
            Path playlist = stack.media().paths().playlist(slug);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !FfmpegTestSupport.segments(playlist).isEmpty());

            Instant lastViewer = Instant.now();
            stack.supervisor().viewerActive(id);
            await().atMost(IDLE.plusSeconds(15))
                    .until(() ->
                            heard.firstSince(id, CameraStatus.IDLE, lastViewer).isPresent());
            Instant idle = heard.firstSince(id, CameraStatus.IDLE, lastViewer).orElseThrow();
            System.out.printf(
                    "on-demand camera idle %d ms after the last viewer%n",
                    Duration.between(lastViewer, idle).toMillis());
            assertThat(Duration.between(lastViewer, idle)).isGreaterThanOrEqualTo(IDLE);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stack.media().session(slug).isEmpty());
            assertThat(opened).hasSize(1);
            assertThat(heard.events(id))
                    .extracting(e -> e.event().type())
                    .containsSubsequence("stream_started", "stream_stopped");
        }
    }
}
