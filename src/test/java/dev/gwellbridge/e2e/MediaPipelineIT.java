package dev.gwellbridge.e2e;

import static dev.gwellbridge.media.FfmpegTestSupport.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.camera.SupervisorSettings;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.h264.AccessUnitAssembler;
import dev.gwellbridge.h264.AnnexBSplitter;
import dev.gwellbridge.media.FfmpegMediaSession;
import dev.gwellbridge.media.FfmpegTestSupport;
import dev.gwellbridge.media.Jpeg;
import dev.gwellbridge.sim.CameraBehaviour;
import dev.gwellbridge.sim.TestPattern;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The media pipeline on the real stack: simulated camera → GWell session → supervisor → ffmpeg →
 * RTSP receiver and HLS, with snapshots, live figures and a killed ffmpeg.
 */
@Timeout(120)
class MediaPipelineIT {
    private static final TestPattern SOURCE = TestPattern.DEFAULT;
    private static final String SLUG = "sim_camera_1";

    @TempDir
    static Path cache;

    @TempDir
    Path dir;

    private final List<Process> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(Process::destroyForcibly);
    }

    private static SupervisorSettings always(Duration snapshotInterval) {
        SupervisorSettings d = SupervisorSettings.DEFAULTS;
        return new SupervisorSettings(
                StreamMode.ALWAYS,
                d.quality(),
                Duration.ofSeconds(1),
                d.deadman(),
                d.idleTimeout(),
                snapshotInterval,
                List.of());
    }

    private static CameraId id(SimStack stack) {
        return CameraId.of(stack.simulator().camera(0).info().deviceId());
    }

    private static int pictures(byte[] annexB) {
        AtomicInteger n = new AtomicInteger();
        AccessUnitAssembler assembler = new AccessUnitAssembler(au -> n.incrementAndGet(), 8 << 20);
        AnnexBSplitter splitter = new AnnexBSplitter(assembler, 8 << 20);
        splitter.feed(annexB, 0, annexB.length);
        splitter.flush();
        assembler.flush();
        return n.get();
    }

    @Test
    void aFiniteStreamReachesTheRtspReceiverWholeWithTheSourceSizeAndCorrectFigures() throws Exception {
        int rtspPort = FfmpegTestSupport.freePort();
        Path recording = dir.resolve("received.mkv");
        try (SimStack stack = SimStack.builder(dir.resolve("data"))
                .cacheDir(cache)
                .rtspPort(rtspPort)
                .settings(always(Duration.ZERO))
                .simulator(b -> b.cameraBehaviour(CameraBehaviour.DEFAULT.withLoopSource(false)))
                .build()) {
            Process receiver = FfmpegTestSupport.startReceiver(rtspPort, SLUG, recording, dir.resolve("receiver.log"));
            receivers.add(receiver);
            Instant started = Instant.now();
            stack.start();
            CameraId id = id(stack);

            await().atMost(Duration.ofSeconds(30)).until(stack::allStreaming);
            assertThat(stack.camera(0).orElseThrow().slug()).isEqualTo(SLUG);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stack.camera(0).orElseThrow().stats().fps() > 0);
            CameraState live = stack.camera(0).orElseThrow();
            CameraStats stats = live.stats();
            System.out.printf("live figures on the real stack: %s%n", stats);
            assertThat(live.transport()).isEqualTo(Transport.LAN_UDP);
            assertThat(stats.fps()).isBetween(SOURCE.fps() * 0.75, SOURCE.fps() * 1.25);
            assertThat(stats.bitrateKbps()).isBetween(SOURCE.kbps() * 0.5, SOURCE.kbps() * 2.0);
            assertThat(stats.lastFrameAgeSeconds()).isBetween(0.0, 2.0);
            assertThat(stats.streamSince()).isBetween(started, Instant.now());
            assertThat(stats.bytes()).isPositive();

            // The source does not loop: once the camera sent its last picture and the bridge got
            // every byte of it, the stream is stopped and the receiver's recording completes.
            int sourcePictures = SOURCE.fps() * SOURCE.seconds();
            await().atMost(Duration.ofSeconds(SOURCE.seconds() + 15))
                    .until(() -> pictures(stack.simulator().camera(0).sentH264()) == sourcePictures);
            long sentBytes = stack.simulator().camera(0).sentH264Total();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stack.camera(0).orElseThrow().stats().bytes() == sentBytes);
            int sent = pictures(stack.simulator().camera(0).sentH264());

            CommandResult stop =
                    stack.supervisor().command(id, new CameraCommand.Stop()).get(5, TimeUnit.SECONDS);
            assertThat(stop.ok()).isTrue();
            assertThat(receiver.waitFor(20, TimeUnit.SECONDS))
                    .as("the receiver's recording ended with the stream")
                    .isTrue();

            Map<String, String> probe = FfmpegTestSupport.probe(recording);
            assertThat(probe)
                    .containsEntry("codec_name", "h264")
                    .containsEntry("width", Integer.toString(SOURCE.width()))
                    .containsEntry("height", Integer.toString(SOURCE.height()));
            int recorded = Integer.parseInt(probe.get("nb_read_frames"));
            System.out.printf("RTSP receiver recorded %d of the %d frames the camera sent%n", recorded, sent);
            assertThat(recorded).isGreaterThanOrEqualTo((int) Math.ceil(sent * 0.95));
            assertThat(stack.simulator().violations().all()).isEmpty();
        }
    }

    @Test
    void hlsGrowsSnapshotsDecodeAndAKilledFfmpegIsReplacedWhileTheCameraStaysStreaming() throws Exception {
        Logger processLog = (Logger) LoggerFactory.getLogger("dev.gwellbridge.media.FfmpegProcess");
        Level level = processLog.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        processLog.addAppender(logged);
        processLog.setLevel(Level.DEBUG);
        CameraRecorder heard = new CameraRecorder();
        // No RTSP server listens: the RTSP output fails all along while HLS has to keep going.
        try (SimStack stack = SimStack.builder(dir.resolve("data"))
                .cacheDir(cache)
                .settings(always(Duration.ofSeconds(3)))
                .build()) {
            stack.supervisor().addListener(heard);
            stack.start();
            CameraId id = id(stack);
            Path playlist = stack.media().paths().playlist(SLUG);

            await().atMost(Duration.ofSeconds(30)).until(stack::allStreaming);
            Instant streamingAt =
                    heard.firstSince(id, CameraStatus.STREAMING, Instant.EPOCH).orElseThrow();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> segments(playlist).size() >= 2);
            List<String> early = segments(playlist);
            await().atMost(Duration.ofSeconds(8))
                    .until(() -> !segments(playlist).equals(early));
            Map<String, String> segment = FfmpegTestSupport.probe(
                    playlist.resolveSibling(segments(playlist).get(0)));
            assertThat(segment)
                    .containsEntry("codec_name", "h264")
                    .containsEntry("width", Integer.toString(SOURCE.width()))
                    .containsEntry("height", Integer.toString(SOURCE.height()));
            assertThat(Integer.parseInt(segment.get("nb_read_frames"))).isGreaterThanOrEqualTo(SOURCE.fps());

            FfmpegMediaSession media = stack.media().session(SLUG).orElseThrow();
            assertThat(media.outputFailing()).as("RTSP output without a server").isTrue();
            long pid = media.pid().orElseThrow();
            Instant since = stack.camera(0).orElseThrow().stats().streamSince();
            List<String> beforeKill = segments(playlist);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long killed = System.nanoTime();
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        OptionalLong now = media.pid();
                        return now.isPresent() && now.getAsLong() != pid;
                    });
            long restartMillis = (System.nanoTime() - killed) / 1_000_000;
            System.out.printf("new ffmpeg %d ms after the kill%n", restartMillis);
            String lastBefore = beforeKill.get(beforeKill.size() - 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<String> now = segments(playlist);
                return now.size() >= 2
                        && !now.subList(now.size() - 2, now.size()).contains(lastBefore);
            });
            assertThat(stack.camera(0).orElseThrow().stats().streamSince())
                    .as("the session outlived its ffmpeg")
                    .isEqualTo(since);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !heard.snapshots(id).isEmpty());
            byte[] periodic = heard.snapshots(id).get(0).jpeg();
            assertThat(Jpeg.size(periodic)).contains(new Jpeg.Size(SOURCE.width(), SOURCE.height()));

            int before = heard.snapshots(id).size();
            long asked = System.nanoTime();
            CommandResult snap = stack.supervisor()
                    .command(id, new CameraCommand.Snapshot(false))
                    .get(3, TimeUnit.SECONDS);
            long snapshotMillis = (System.nanoTime() - asked) / 1_000_000;
            System.out.printf("snapshot command answered in %d ms%n", snapshotMillis);
            assertThat(snap.ok()).as(snap.message()).isTrue();
            byte[] jpeg = stack.supervisor().latestSnapshot(id).orElseThrow();
            assertThat(Jpeg.size(jpeg)).contains(new Jpeg.Size(SOURCE.width(), SOURCE.height()));
            assertThat(heard.snapshots(id)).hasSizeGreaterThan(before);

            List<CameraRecorder.Heard> afterStart = heard.statusesSince(id, streamingAt);
            assertThat(afterStart).isNotEmpty().allMatch(h -> h.status() == CameraStatus.STREAMING);
            assertThat(stack.camera(0).orElseThrow().status()).isEqualTo(CameraStatus.STREAMING);
            assertThat(stack.camera(0).orElseThrow().stats().reconnects()).isZero();
        } finally {
            processLog.detachAppender(logged);
            processLog.setLevel(level);
        }
        List<ILoggingEvent> warnings = logged.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .filter(e -> e.getFormattedMessage().contains("is failing"))
                .toList();
        long repeats = logged.list.stream()
                .filter(e -> e.getLevel() == Level.DEBUG)
                .filter(e -> e.getFormattedMessage().contains("Recovery failed"))
                .count();
        System.out.printf("RTSP output failing: %d warnings, %d repeats at debug%n", warnings.size(), repeats);
        assertThat(repeats).as("ffmpeg kept retrying the RTSP output").isGreaterThanOrEqualTo(3);
        assertThat(warnings)
                .as("one warning for the outage, though ffmpeg retried every 2 s and was restarted")
                .hasSize(1);
    }
}
