package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.h264.FrameRate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator over real loopback sockets, driven by {@link ScriptedViewer}: byte-identical H.264
 * at 0 % and 10 % loss, through a TCP relay in relay-only mode, an empty violation record for the
 * well-behaved viewer and the expected records for viewers that omit AV_INIT or never acknowledge.
 */
@Timeout(120)
class SimulatorIT {
    /** A short pattern keeps each run to a few seconds: 2 s at 10 fps, 200 kbit/s. */
    private static final TestPattern PATTERN = new TestPattern(320, 240, 10, 2, 200);

    @TempDir
    static Path cache;

    private static VideoSource source;

    @BeforeAll
    static void generatePattern() throws Exception {
        Path file = new TestPatternGenerator("ffmpeg", cache).ensure(PATTERN);
        source = VideoSource.read(file, FrameRate.FALLBACK);
    }

    private static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().source(source).cameraBehaviour(CameraBehaviour.DEFAULT.withLoopSource(false));
    }

    private static byte[] receiveWholeSource(SimulatorHandle sim, ScriptedViewer.Script script, long seed)
            throws Exception {
        try (ScriptedViewer viewer =
                new ScriptedViewer(script, sim.serverAddress(), sim.camera(0).info(), seed)) {
            viewer.connect(20_000);
            viewer.stream(() -> viewer.h264().length >= source.size(), 40_000);
            return viewer.h264();
        }
    }

    @Test
    void streamsTheSourceByteForByteOnAPerfectLink() throws Exception {
        try (SimulatorHandle sim = Simulator.start(config().seed(7).build())) {
            byte[] received = receiveWholeSource(sim, ScriptedViewer.Script.WELL_BEHAVED, 1);
            assertThat(received).isEqualTo(source.bytes());
            assertThat(sim.camera(0).sentH264()).isEqualTo(source.bytes());
            assertThat(sim.camera(0).streamsStarted()).isEqualTo(1);
            assertThat(sim.violations().all()).isEmpty();
        }
    }

    @Test
    void streamsTheSourceByteForByteAtTenPercentLossBothWays() throws Exception {
        try (SimulatorHandle sim = Simulator.start(
                config().seed(11).impairment(Impairment.loss(10)).build())) {
            byte[] received = receiveWholeSource(sim, ScriptedViewer.Script.WELL_BEHAVED, 2);
            assertThat(received).isEqualTo(source.bytes());
            assertThat(sim.violations().all()).isEmpty();
            SimCounters counters = sim.counters();
            double lostShare = (double) counters.datagramsLost() / counters.datagramsOffered();
            assertThat(lostShare).isBetween(0.05, 0.15);
            assertThat(counters.sendFailures()).isZero();
        }
    }

    @Test
    void streamsThroughTheTcpRelayInRelayOnlyMode() throws Exception {
        try (SimulatorHandle sim =
                Simulator.start(config().seed(13).mode(SimMode.RELAY_ONLY).build())) {
            byte[] received = receiveWholeSource(sim, ScriptedViewer.Script.WELL_BEHAVED.viaRelay(), 3);
            assertThat(received).isEqualTo(source.bytes());
            assertThat(sim.camera(0).info().deviceId()).startsWith("GW_BE1_");
            assertThat(sim.violations().all()).isEmpty();
        }
    }

    @Test
    void recordsAViewerThatNeverSendsAvInit() throws Exception {
        SimulatorConfig cfg = config().seed(17)
                .cameraBehaviour(CameraBehaviour.DEFAULT.withAvInitTimeoutMs(300))
                .build();
        try (SimulatorHandle sim = Simulator.start(cfg);
                ScriptedViewer viewer = new ScriptedViewer(
                        ScriptedViewer.Script.WELL_BEHAVED.withoutAvInit(),
                        sim.serverAddress(),
                        sim.camera(0).info(),
                        4)) {
            viewer.connect(20_000);
            viewer.stream(
                    () -> !sim.violations().of(ViolationKind.MISSING_AV_INIT).isEmpty(), 5_000);
            assertThat(sim.violations().of(ViolationKind.MISSING_AV_INIT)).hasSize(1);
            assertThat(viewer.h264()).isEmpty();
            assertThat(sim.camera(0).streaming()).isFalse();
        }
    }

    @Test
    void recordsAViewerThatNeverAcknowledgesVideo() throws Exception {
        SimulatorConfig cfg = config().seed(19)
                .cameraBehaviour(CameraBehaviour.DEFAULT.withAckStallMs(800).withLoopSource(false))
                .build();
        try (SimulatorHandle sim = Simulator.start(cfg);
                ScriptedViewer viewer = new ScriptedViewer(
                        ScriptedViewer.Script.WELL_BEHAVED.withoutAcks(),
                        sim.serverAddress(),
                        sim.camera(0).info(),
                        5)) {
            viewer.connect(20_000);
            viewer.stream(
                    () -> !sim.violations().of(ViolationKind.UNACKED_SEGMENTS).isEmpty(), 5_000);
            assertThat(sim.violations().of(ViolationKind.UNACKED_SEGMENTS)).hasSize(1);
            await().atMost(Duration.ofSeconds(2)).until(() -> sim.camera(0).streaming());
        }
    }

    @Test
    void aVanishedCameraGoesSilentAndItsStreamCompletesAfterItReturns() throws Exception {
        try (SimulatorHandle sim = Simulator.start(config().seed(23).build());
                ScriptedViewer viewer = new ScriptedViewer(
                        ScriptedViewer.Script.WELL_BEHAVED,
                        sim.serverAddress(),
                        sim.camera(0).info(),
                        6)) {
            viewer.connect(20_000);
            viewer.stream(() -> viewer.h264().length > 0, 10_000);
            sim.camera(0).vanish();
            assertThat(sim.camera(0).vanished()).isTrue();
            viewer.stream(() -> false, 300);
            int frozen = viewer.h264().length;
            viewer.stream(() -> false, 700);
            assertThat(viewer.h264()).hasSize(frozen);
            sim.camera(0).reappear();
            viewer.stream(() -> viewer.h264().length >= source.size(), 30_000);
            assertThat(viewer.h264()).isEqualTo(source.bytes());
            assertThat(sim.violations().all()).isEmpty();
        }
    }

    @Test
    void servesSeveralCamerasAtOnceEachWithItsOwnIdentityAndStream() throws Exception {
        try (SimulatorHandle sim = Simulator.start(config().seed(29).cameras(3).build())) {
            assertThat(sim.cameraInfos()).extracting(SimCameraInfo::deviceId).doesNotHaveDuplicates();
            assertThat(sim.cameraInfos())
                    .extracting(c -> c.lanAddress().getPort())
                    .doesNotHaveDuplicates();
            ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "viewer"));
            try {
                List<Future<byte[]>> results = new ArrayList<>();
                for (int cam : new int[] {0, 2}) {
                    results.add(pool.submit(() -> {
                        try (ScriptedViewer v = new ScriptedViewer(
                                ScriptedViewer.Script.WELL_BEHAVED,
                                sim.serverAddress(),
                                sim.camera(cam).info(),
                                cam)) {
                            v.connect(20_000);
                            v.stream(() -> v.h264().length >= source.size(), 40_000);
                            return v.h264();
                        }
                    }));
                }
                for (Future<byte[]> f : results) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(source.bytes());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(sim.camera(1).streamsStarted()).isZero();
            assertThat(sim.violations().all()).isEmpty();
        }
    }

    @Test
    void aLanCameraCanAlsoBeReachedThroughTheTcpRelay() throws Exception {
        try (SimulatorHandle sim = Simulator.start(config().seed(31).build())) {
            byte[] received = receiveWholeSource(sim, ScriptedViewer.Script.WELL_BEHAVED.viaRelay(), 7);
            assertThat(received).isEqualTo(source.bytes());
            assertThat(sim.violations().all()).isEmpty();
        }
    }
}
