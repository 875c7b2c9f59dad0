package dev.gwellbridge.media;

import static dev.gwellbridge.h264.H264Fixtures.PPS;
import static dev.gwellbridge.h264.H264Fixtures.SPS_640X360_20;
import static dev.gwellbridge.h264.H264Fixtures.annexB;
import static dev.gwellbridge.h264.H264Fixtures.idrSlice;
import static dev.gwellbridge.h264.H264Fixtures.pSlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.StreamUrls;
import dev.gwellbridge.h264.NalUnit;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The port and its sessions wired together, with fake processes instead of ffmpeg. */
@Timeout(30)
class FfmpegMediaPortTest {
    private static final CameraInfo CAMERA =
            new CameraInfo(CameraId.of("GW_GC1_0A1B2C3D4E5F"), "Front", "", "", "", true);

    @TempDir
    Path data;

    private final VirtualClock clock = new VirtualClock();
    private final List<FakeProcess> processes = new CopyOnWriteArrayList<>();
    private final List<List<String>> commands = new CopyOnWriteArrayList<>();
    private FfmpegMediaPort port;

    private FfmpegMediaPort port() {
        port = new FfmpegMediaPort(
                MediaSettings.of(data, "192.168.1.10", 8554, 8888), MediaTuning.DEFAULT, clock, pb -> {
                    FakeProcess p = new FakeProcess();
                    commands.add(pb.command());
                    processes.add(p);
                    return p;
                });
        return port;
    }

    @AfterEach
    void close() {
        if (port != null) {
            port.close();
        }
    }

    private static byte[] withStartCodes(NalUnit... nals) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (NalUnit n : nals) {
            b.writeBytes(new byte[] {0, 0, 0, 1});
            b.writeBytes(n.toByteArray());
        }
        return b.toByteArray();
    }

    @Test
    void chunksOfACameraStreamReachFfmpegAsCleanPictures() {
        FfmpegMediaSession session = port().open(CAMERA, "front_door");
        byte[] filler = new byte[320];
        Arrays.fill(filler, (byte) 0x7E);
        ByteArrayOutputStream camera = new ByteArrayOutputStream();
        camera.writeBytes(annexB(List.of(pSlice(20))));
        camera.writeBytes(annexB(List.of(SPS_640X360_20, PPS, idrSlice(300), pSlice(120), pSlice(90))));
        camera.writeBytes(filler);
        camera.writeBytes(annexB(List.of(SPS_640X360_20, PPS, idrSlice(280), pSlice(60))));
        byte[] bytes = camera.toByteArray();

        for (int pos = 0; pos < bytes.length; pos += 7) {
            session.offer(bytes, pos, Math.min(7, bytes.length - pos));
        }

        // The P picture before the first keyframe is never written; the last picture waits for its
        // successor; the filler is gone.
        byte[] expected = withStartCodes(
                SPS_640X360_20, PPS, idrSlice(300), pSlice(120), pSlice(90), SPS_640X360_20, PPS, idrSlice(280));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> processes.size() == 1 && processes.get(0).written().length >= expected.length);
        assertThat(processes.get(0).written()).isEqualTo(expected);
        assertThat(session.discardedBytes()).isEqualTo(320);
        assertThat(commands.get(0))
                .contains("20")
                .last()
                .asString()
                .contains("rtsp://127.0.0.1:8554/front_door|")
                .endsWith(data.resolve("hls/front_door/index.m3u8").toString());
    }

    @Test
    void clearsWhatAnEarlierRunLeftInTheHlsFolder() throws Exception {
        Path hls = Files.createDirectories(data.resolve("hls/porch"));
        Files.writeString(hls.resolve("index.m3u8"), "#EXTM3U\nindex7.ts\n");
        Files.writeString(hls.resolve("index7.ts"), "old");
        Files.writeString(hls.resolve("notes.txt"), "not ours");

        port().open(CAMERA, "porch");

        assertThat(hls.resolve("index.m3u8")).doesNotExist();
        assertThat(hls.resolve("index7.ts")).doesNotExist();
        assertThat(hls.resolve("notes.txt")).exists();
    }

    @Test
    void openingAnOpenSlugAgainClosesTheFirstSession() {
        FfmpegMediaPort media = port();
        FfmpegMediaSession first = media.open(CAMERA, "cam");
        byte[] key = annexB(List.of(SPS_640X360_20, PPS, idrSlice(50), pSlice(5)));
        first.offer(key, 0, key.length);
        await().atMost(Duration.ofSeconds(5)).until(() -> processes.size() == 1);

        FfmpegMediaSession second = media.open(CAMERA, "cam");

        assertThat(processes.get(0).isAlive()).isFalse();
        assertThat(first.snapshot()).isCompletedExceptionally();
        assertThat(second.snapshot()).isNotDone();
    }

    @Test
    void givesPlayersTheAdvertisedUrls() {
        assertThat(port().urls("front_door"))
                .isEqualTo(new StreamUrls(
                        "rtsp://192.168.1.10:8554/front_door",
                        "http://192.168.1.10:8888/front_door/index.m3u8",
                        "hls/front_door/index.m3u8"));
    }
}
