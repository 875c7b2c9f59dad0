package dev.gwellbridge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.camera.StreamUrls;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamPathsTest {
    private static final Path DATA = Path.of("/data");

    static Stream<Arguments> urlCases() {
        return Stream.of(
                Arguments.of(
                        MediaSettings.of(DATA, "192.168.1.10", 8554, 8888),
                        "front_door",
                        new StreamUrls(
                                "rtsp://192.168.1.10:8554/front_door",
                                "http://192.168.1.10:8888/front_door/index.m3u8",
                                "hls/front_door/index.m3u8")),
                Arguments.of(
                        MediaSettings.of(DATA, "homeassistant.local", 18554, 18888),
                        "Garage-2",
                        new StreamUrls(
                                "rtsp://homeassistant.local:18554/Garage-2",
                                "http://homeassistant.local:18888/Garage-2/index.m3u8",
                                "hls/Garage-2/index.m3u8")),
                Arguments.of(
                        MediaSettings.of(DATA, "fd00::10", 8554, 8888),
                        "cam",
                        new StreamUrls(
                                "rtsp://[fd00::10]:8554/cam",
                                "http://[fd00::10]:8888/cam/index.m3u8",
                                "hls/cam/index.m3u8")));
    }

    @ParameterizedTest
    @MethodSource("urlCases")
    void buildsPlayerUrls(MediaSettings settings, String slug, StreamUrls expected) {
        assertThat(new StreamPaths(settings).urls(slug)).isEqualTo(expected);
    }

    @Test
    void placesFilesUnderTheDataDirectory() {
        StreamPaths p = new StreamPaths(MediaSettings.of(DATA, "h", 8554, 8888));

        assertThat(p.hlsDir("cam")).isEqualTo(Path.of("/data/hls/cam"));
        assertThat(p.playlist("cam")).isEqualTo(Path.of("/data/hls/cam/index.m3u8"));
        assertThat(p.snapshotFile("cam")).isEqualTo(Path.of("/data/snapshots/cam.jpg"));
    }

    @Test
    void publishesToTheLocalRtspServerByDefaultAndToAConfiguredBase() {
        MediaSettings local = MediaSettings.of(DATA, "192.168.1.10", 18554, 8888);
        MediaSettings other = local.withRtspPublishBase("rtsp://user:pw@10.1.1.1:8554/");

        assertThat(new StreamPaths(local).publishUrl("cam")).isEqualTo("rtsp://127.0.0.1:18554/cam");
        assertThat(new StreamPaths(other).publishUrl("cam")).isEqualTo("rtsp://user:pw@10.1.1.1:8554/cam");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc", "a/b", "front door", "cam.1", "x%d"})
    void rejectsSlugsThatAreNotSafePathSegments(String slug) {
        StreamPaths p = new StreamPaths(MediaSettings.of(DATA, "h", 8554, 8888));

        assertThatThrownBy(() -> p.urls(slug))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream slug");
        assertThatThrownBy(() -> p.hlsDir(slug)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsNameTheBadField() {
        assertThatThrownBy(() -> MediaSettings.of(DATA, " ", 8554, 8888)).hasMessageContaining("advertise host");
        assertThatThrownBy(() -> MediaSettings.of(DATA, "h", 0, 8888)).hasMessageContaining("rtsp_port");
        assertThatThrownBy(() -> MediaSettings.of(DATA, "h", 8554, 70000)).hasMessageContaining("hls_port");
        assertThatThrownBy(() -> MediaSettings.of(DATA, "h", 8554, 8888).withRtspPublishBase("http://x"))
                .hasMessageContaining("rtsp publish base");
        assertThatThrownBy(() -> MediaSettings.of(Path.of("/data/100%"), "h", 8554, 8888))
                .hasMessageContaining("'%'");
    }
}
