package dev.gwellbridge.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.h264.FrameRate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FfmpegArgsTest {
    private static final String FIFO = "attempt_recovery=1:recover_any_error=1:restart_with_keyframe=1"
            + ":drop_pkts_on_overflow=1:recovery_wait_time=2";

    private static List<String> expectedPublish(String ffmpeg, String rate, String tee) {
        return List.of(
                ffmpeg,
                "-hide_banner",
                "-loglevel",
                "level+info",
                "-nostats",
                "-progress",
                "pipe:2",
                "-stats_period",
                "1",
                "-probesize",
                "32",
                "-analyzeduration",
                "0",
                "-f",
                "h264",
                "-framerate",
                rate,
                "-i",
                "-",
                "-map",
                "0:v",
                "-c",
                "copy",
                "-f",
                "tee",
                "-use_fifo",
                "1",
                "-fifo_options",
                FIFO,
                tee);
    }

    static Stream<Arguments> publishCases() {
        String hls = "[f=hls:hls_time=2:hls_list_size=5:hls_flags=delete_segments+independent_segments+append_list"
                + ":onfail=ignore]";
        return Stream.of(
                Arguments.of(
                        "ffmpeg",
                        new FrameRate(20, 1),
                        "rtsp://127.0.0.1:8554/front_door",
                        Path.of("/data/hls/front_door/index.m3u8"),
                        expectedPublish(
                                "ffmpeg",
                                "20",
                                "[f=rtsp:rtsp_transport=tcp:onfail=ignore]rtsp://127.0.0.1:8554/front_door|" + hls
                                        + "/data/hls/front_door/index.m3u8")),
                Arguments.of(
                        "/usr/bin/ffmpeg",
                        new FrameRate(30000, 1001),
                        "rtsp://publisher:s3cret@10.0.0.2:18554/garage-2",
                        Path.of("/data/hls/garage-2/index.m3u8"),
                        expectedPublish(
                                "/usr/bin/ffmpeg",
                                "30000/1001",
                                "[f=rtsp:rtsp_transport=tcp:onfail=ignore]rtsp://publisher:s3cret@10.0.0.2:18554/garage-2|"
                                        + hls + "/data/hls/garage-2/index.m3u8")),
                Arguments.of(
                        "ffmpeg",
                        FrameRate.FALLBACK,
                        "rtsp://u:a|b'c@host/cam",
                        Path.of("/media/my cams/hls/cam/index.m3u8"),
                        expectedPublish(
                                "ffmpeg",
                                "15",
                                "[f=rtsp:rtsp_transport=tcp:onfail=ignore]rtsp://u:a\\|b\\'c@host/cam|" + hls
                                        + "/media/my cams/hls/cam/index.m3u8")));
    }

    @ParameterizedTest
    @MethodSource("publishCases")
    void buildsThePublishCommand(String ffmpeg, FrameRate rate, String rtsp, Path playlist, List<String> expected) {
        assertThat(FfmpegArgs.publish(ffmpeg, rate, rtsp, playlist, MediaTuning.DEFAULT))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void takesHlsAndRetryTimingFromTheTuning() {
        MediaTuning t = new MediaTuning(
                10,
                1000,
                1000,
                1,
                3,
                Duration.ofSeconds(5),
                RestartBackoff.DEFAULT_STEPS,
                Duration.ofSeconds(30),
                Duration.ofSeconds(15),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                3);

        List<String> args = FfmpegArgs.publish("ffmpeg", FrameRate.ofFps(25), "rtsp://h/c", Path.of("/d/i.m3u8"), t);

        assertThat(args.get(args.size() - 3)).isEqualTo("-fifo_options");
        assertThat(args.get(args.size() - 2)).endsWith(":recovery_wait_time=5");
        assertThat(args.get(args.size() - 1))
                .isEqualTo("[f=rtsp:rtsp_transport=tcp:onfail=ignore]rtsp://h/c|[f=hls:hls_time=1:hls_list_size=3"
                        + ":hls_flags=delete_segments+independent_segments+append_list:onfail=ignore]/d/i.m3u8");
    }

    static Stream<Arguments> snapshotCases() {
        return Stream.of(
                Arguments.of(
                        "ffmpeg",
                        3,
                        List.of(
                                "ffmpeg",
                                "-hide_banner",
                                "-loglevel",
                                "error",
                                "-f",
                                "h264",
                                "-i",
                                "-",
                                "-frames:v",
                                "1",
                                "-q:v",
                                "3",
                                "-c:v",
                                "mjpeg",
                                "-f",
                                "image2",
                                "-")),
                Arguments.of(
                        "/opt/ff/ffmpeg",
                        10,
                        List.of(
                                "/opt/ff/ffmpeg",
                                "-hide_banner",
                                "-loglevel",
                                "error",
                                "-f",
                                "h264",
                                "-i",
                                "-",
                                "-frames:v",
                                "1",
                                "-q:v",
                                "10",
                                "-c:v",
                                "mjpeg",
                                "-f",
                                "image2",
                                "-")));
    }

    @ParameterizedTest
    @MethodSource("snapshotCases")
    void buildsTheSnapshotCommand(String ffmpeg, int quality, List<String> expected) {
        assertThat(FfmpegArgs.snapshot(ffmpeg, quality)).containsExactlyElementsOf(expected);
    }

    @Test
    void masksCredentialsWhenLoggingACommand() {
        List<String> cmd = FfmpegArgs.publish(
                "ffmpeg",
                FrameRate.ofFps(20),
                "rtsp://publisher:s3cret@127.0.0.1:8554/cam",
                Path.of("/d/cam/index.m3u8"),
                MediaTuning.DEFAULT);

        String logged = FfmpegArgs.forLog(cmd);

        assertThat(logged)
                .doesNotContain("s3cret")
                .doesNotContain("publisher")
                .contains("rtsp://***@127.0.0.1:8554/cam");
        assertThat(logged).startsWith("ffmpeg -hide_banner -loglevel level+info");
    }
}
