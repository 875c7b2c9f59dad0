package dev.gwellbridge.media;

import static dev.gwellbridge.media.FfmpegTestSupport.FRAMES;
import static dev.gwellbridge.media.FfmpegTestSupport.HEIGHT;
import static dev.gwellbridge.media.FfmpegTestSupport.WIDTH;
import static dev.gwellbridge.media.FfmpegTestSupport.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.h264.H264Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media pipeline against real ffmpeg 5.1: a test stream generated once is fed in 1000-byte
 * chunks at its real pace, as the protocol session would.
 */
@Timeout(90)
class FfmpegSupervisorIT {
    private static final CameraInfo CAMERA =
            new CameraInfo(CameraId.of("GW_GC1_0A1B2C3D4E5F"), "Front", "", "", "", true);

    @TempDir
    static Path shared;

    private static byte[] stream;

    @TempDir
    Path dir;

    private final List<Process> receivers = new ArrayList<>();
    private FfmpegMediaPort port;

    @BeforeAll
    static void generateTestStream() throws Exception {
        Assumptions.assumeTrue(FfmpegTestSupport.ffmpegAvailable(), "ffmpeg is not installed");
        stream = Files.readAllBytes(FfmpegTestSupport.generateStream(shared));
    }

    @AfterEach
    void stopEverything() {
        if (port != null) {
            port.close();
            assertThat(ProcessHandle.current()
                            .children()
                            .filter(ProcessHandle::isAlive)
                            .filter(p -> p.info().commandLine().orElse("").contains("-f tee")))
                    .as("no publishing ffmpeg left behind")
                    .isEmpty();
        }
        receivers.forEach(Process::destroyForcibly);
    }

    private FfmpegMediaPort port(int rtspPort) {
        MediaSettings settings = MediaSettings.of(dir.resolve("data"), "192.168.1.10", rtspPort, 8888);
        port = new FfmpegMediaPort(settings);
        return port;
    }

    private Process receiver(int rtspPort, String slug, Path out) throws Exception {
        Process p = FfmpegTestSupport.startReceiver(rtspPort, slug, out, dir.resolve("receiver-" + slug + ".log"));
        receivers.add(p);
        return p;
    }

    @Test
    void publishesRtspWithTheSourceResolutionAndNearlyEveryFrame() throws Exception {
        int rtspPort = FfmpegTestSupport.freePort();
        Path recording = dir.resolve("received.mkv");
        Process receiver = receiver(rtspPort, "front_door", recording);
        FfmpegMediaSession session = port(rtspPort).open(CAMERA, "front_door");

        try (var feeder = new FfmpegTestSupport.Feeder(stream, 1, session::offer).start()) {
            feeder.join(20_000);
        }
        session.close();

        assertThat(receiver.waitFor(20, TimeUnit.SECONDS))
                .as("receiver finished")
                .isTrue();
        Map<String, String> probe = FfmpegTestSupport.probe(recording);
        assertThat(probe)
                .containsEntry("codec_name", "h264")
                .containsEntry("width", Integer.toString(WIDTH))
                .containsEntry("height", Integer.toString(HEIGHT));
        int frames = Integer.parseInt(probe.get("nb_read_frames"));
        System.out.printf("RTSP receiver got %d of %d frames%n", frames, FRAMES);
        assertThat(frames).isGreaterThanOrEqualTo((int) Math.ceil(FRAMES * 0.95));
        assertThat(session.stats().restarts()).isZero();
        assertThat(session.stats().droppedFrames()).isZero();
    }

    @Test
    void writesAGrowingHlsPlaylistAndSnapshotsOnDemand() throws Exception {
        int rtspPort = FfmpegTestSupport.freePort();
        receiver(rtspPort, "porch", dir.resolve("porch.mkv"));
        FfmpegMediaPort media = port(rtspPort);
        FfmpegMediaSession session = media.open(CAMERA, "porch");
        Path playlist = media.paths().playlist("porch");

        long asked = System.nanoTime();
        CompletableFuture<byte[]> early = session.snapshot();
        try (var feeder = new FfmpegTestSupport.Feeder(stream, 1, session::offer).start()) {
            byte[] first = early.get(3, TimeUnit.SECONDS);
            System.out.printf("snapshot before the first keyframe: %d ms%n", (System.nanoTime() - asked) / 1_000_000);
            assertThat(Jpeg.size(first)).contains(new Jpeg.Size(WIDTH, HEIGHT));

            await().atMost(Duration.ofSeconds(8)).until(() -> segments(playlist).size() >= 1);
            List<String> earlier = segments(playlist);
            await().atMost(Duration.ofSeconds(6)).until(() -> segments(playlist).size() > earlier.size());

            long t = System.nanoTime();
            byte[] jpeg = session.snapshot().get(3, TimeUnit.SECONDS);
            System.out.printf("snapshot while streaming: %d ms%n", (System.nanoTime() - t) / 1_000_000);
            assertThat(Jpeg.size(jpeg)).contains(new Jpeg.Size(WIDTH, HEIGHT));
            Path stored = media.paths().snapshotFile("porch");
            assertThat(Files.readAllBytes(stored)).isEqualTo(jpeg);
            assertThat(FfmpegTestSupport.probe(stored))
                    .containsEntry("codec_name", "mjpeg")
                    .containsEntry("width", Integer.toString(WIDTH));

            assertThat(feeder.chunksSent()).isPositive();
            await().atMost(Duration.ofSeconds(5)).until(() -> session.stats().fps() > 0);
            System.out.printf("while streaming: %s%n", session.stats());
            assertThat(session.stats().fps()).isBetween(10.0, 30.0);
            assertThat(session.stats().bitrateKbps()).isBetween(500.0, 2000.0);
        }

        String segment = segments(playlist).get(0);
        Map<String, String> probe = FfmpegTestSupport.probe(playlist.resolveSibling(segment));
        assertThat(probe).containsEntry("codec_name", "h264").containsEntry("width", Integer.toString(WIDTH));
        assertThat(Integer.parseInt(probe.get("nb_read_frames"))).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aSnapshotFailsWhenNoKeyframeArrivesInTime() {
        MediaTuning t = MediaTuning.DEFAULT;
        MediaTuning quick = new MediaTuning(
                t.queueFrames(),
                t.queueBytes(),
                t.maxPictureBytes(),
                t.hlsSegmentSeconds(),
                t.hlsListSize(),
                t.outputRetry(),
                t.restartSteps(),
                t.stableAfter(),
                t.stallTimeout(),
                t.closeGrace(),
                t.rateProbe(),
                Duration.ofSeconds(1),
                t.snapshotQuality());
        port = new FfmpegMediaPort(
                MediaSettings.of(dir.resolve("data"), "192.168.1.10", 8554, 8888),
                quick,
                InstantSource.system(),
                ProcessLauncher.SYSTEM);
        FfmpegMediaSession session = port.open(CAMERA, "attic");
        byte[] noKeyframe = H264Fixtures.annexB(List.of(H264Fixtures.pSlice(50), H264Fixtures.pSlice(60)));
        session.offer(noKeyframe, 0, noKeyframe.length);

        CompletableFuture<byte[]> snapshot = session.snapshot();

        assertThatThrownBy(() -> snapshot.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TimeoutException.class)
                .hasMessage("no snapshot of attic within 1000 ms");
        assertThat(Files.exists(port.paths().snapshotFile("attic"))).isFalse();
    }

    @Test
    void restartsAKilledFfmpegWithinFiveSecondsAndTheStreamContinues() throws Exception {
        FfmpegMediaPort media = port(FfmpegTestSupport.freePort());
        FfmpegMediaSession session = media.open(CAMERA, "garage");
        Path playlist = media.paths().playlist("garage");

        try (var feeder = new FfmpegTestSupport.Feeder(stream, 2, session::offer).start()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> segments(playlist).size() >= 2);
            long pid = session.pid().orElseThrow();
            List<String> before = segments(playlist);

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long killed = System.nanoTime();
            assertThat(feeder.running()).as("the stream goes on").isTrue();

            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> session.pid().isPresent() && session.pid().getAsLong() != pid);
            System.out.printf("new ffmpeg %d ms after the kill%n", (System.nanoTime() - killed) / 1_000_000);
            assertThat(session.stats().restarts()).isEqualTo(1);
            assertThat(session.stats().alive()).isTrue();

            String lastBefore = before.get(before.size() - 1);
            await().atMost(Duration.ofSeconds(8)).until(() -> {
                List<String> now = segments(playlist);
                return now.size() >= 2
                        && !now.subList(now.size() - 2, now.size()).contains(lastBefore);
            });
            assertThat(Files.readString(playlist)).contains("#EXT-X-DISCONTINUITY");
        }
        List<String> after = segments(playlist);
        Map<String, String> probe = FfmpegTestSupport.probe(playlist.resolveSibling(after.get(after.size() - 1)));
        assertThat(probe).containsEntry("codec_name", "h264").containsEntry("height", Integer.toString(HEIGHT));
    }

    @Test
    void keepsHlsGoingWhileTheRtspServerIsDownAndPublishesOnceItIsUp() throws Exception {
        int rtspPort = FfmpegTestSupport.freePort();
        FfmpegMediaPort media = port(rtspPort);
        FfmpegMediaSession session = media.open(CAMERA, "yard");
        Path playlist = media.paths().playlist("yard");
        Path recording = dir.resolve("late.mkv");

        Process receiver;
        try (var feeder = new FfmpegTestSupport.Feeder(stream, 1, session::offer).start()) {
            await().atMost(Duration.ofSeconds(8)).until(() -> segments(playlist).size() >= 2);
            assertThat(session.outputFailing())
                    .as("RTSP output reported failing")
                    .isTrue();
            assertThat(session.stats().alive()).isTrue();

            receiver = receiver(rtspPort, "yard", recording);
            await().atMost(Duration.ofSeconds(6)).until(() -> !session.outputFailing());
            feeder.join(20_000);
        }
        session.close();

        assertThat(session.stats().restarts()).as("no process restart needed").isZero();
        assertThat(receiver.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Map<String, String> probe = FfmpegTestSupport.probe(recording);
        assertThat(probe).containsEntry("codec_name", "h264").containsEntry("width", Integer.toString(WIDTH));
        assertThat(Integer.parseInt(probe.get("nb_read_frames"))).isGreaterThan(20);
    }
}
