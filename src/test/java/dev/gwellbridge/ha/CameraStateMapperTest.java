package dev.gwellbridge.ha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.StreamUrls;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraStateMapperTest {
    private final CameraStateMapper mapper = new CameraStateMapper(
            Cameras.TOPICS,
            slug -> new StreamUrls(
                    "rtsp://192.168.1.10:8554/" + slug,
                    "http://192.168.1.10:8888/" + slug + "/index.m3u8",
                    "hls/" + slug + "/index.m3u8"));

    @Test
    void streamingCameraPublishesEveryRetainedStateTopic() {
        List<Publication> states = mapper.states(Cameras.frontDoorStreaming());

        assertThat(states)
                .extracting(Publication::topic, Publication::text, Publication::retain, Publication::qos)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("wyzegw/front_door/availability", "online", true, 1),
                        org.assertj.core.groups.Tuple.tuple("wyzegw/front_door/status", "streaming", true, 1),
                        org.assertj.core.groups.Tuple.tuple("wyzegw/front_door/stream/state", "ON", true, 1),
                        org.assertj.core.groups.Tuple.tuple("wyzegw/front_door/quality/state", "hd", true, 1),
                        org.assertj.core.groups.Tuple.tuple(
                                "wyzegw/front_door/info",
                                "{\"firmware\":\"1.0.77\",\"hls_url\":\"http://192.168.1.10:8888/front_door/index.m3u8\","
                                        + "\"lan_ip\":\"192.168.1.50\",\"mac\":\"AABBCCDDEEFF\",\"model\":\"Video Doorbell Pro\","
                                        + "\"model_id\":\"GW_BE1\",\"rtsp_url\":\"rtsp://192.168.1.10:8554/front_door\","
                                        + "\"transport\":\"lan\"}",
                                true,
                                1),
                        org.assertj.core.groups.Tuple.tuple(
                                "wyzegw/front_door/stats",
                                "{\"bitrate_kbps\":1234.6,\"clients\":1,\"fps\":20.0,\"last_frame_age_s\":0.0,"
                                        + "\"reconnects\":2,\"stream_since\":\"2026-01-02T02:00:00Z\"}",
                                true,
                                0));
    }

    @Test
    void offlineCameraKeepsItsStreamIntentApartFromItsStatus() {
        CameraState s = Cameras.frontDoorOffline();

        assertThat(mapper.availability(s).text()).isEqualTo("offline");
        assertThat(mapper.status(s).text()).isEqualTo("offline");
        assertThat(mapper.streamState(s).text()).isEqualTo("ON");
        assertThat(mapper.quality(s).text()).isEqualTo("sd");
        assertThat(mapper.stats(s).text())
                .isEqualTo("{\"bitrate_kbps\":0.0,\"clients\":0,\"fps\":0.0,\"last_frame_age_s\":null,"
                        + "\"reconnects\":0,\"stream_since\":null}");
        assertThat(mapper.info(s).text()).contains("\"transport\":\"none\"");
    }

    @Test
    void infoNeverCarriesCredentialsEvenWhenTheUrlsDo() {
        CameraStateMapper leaky = new CameraStateMapper(
                Cameras.TOPICS,
                slug -> new StreamUrls(
                        "rtsp://admin:hunter22@192.168.1.10:8554/" + slug,
                        "http://user@192.168.1.10:8888/" + slug + "/index.m3u8",
                        ""));

        String info = leaky.info(Cameras.frontDoorStreaming()).text();

        assertThat(info)
                .doesNotContain("hunter22")
                .doesNotContain("admin")
                .doesNotContain("user@")
                .contains("\"rtsp_url\":\"rtsp://192.168.1.10:8554/front_door\"")
                .contains("\"hls_url\":\"http://192.168.1.10:8888/front_door/index.m3u8\"");
    }

    @Test
    void infoWithoutUrlsOrLanIpPublishesNulls() {
        CameraStateMapper none = new CameraStateMapper(Cameras.TOPICS, slug -> null);
        CameraState s = Cameras.frontDoorStreaming();
        CameraState noIp = s.withInfo(s.info().withLanIp(""), s.slug());

        String info = none.info(noIp).text();

        assertThat(info).contains("\"lan_ip\":null", "\"rtsp_url\":null", "\"hls_url\":null");
    }

    @Test
    void snapshotIsRetainedAtQosZeroAndCapped() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

        Publication p = mapper.snapshot("front_door", jpeg).orElseThrow();

        assertThat(p.topic()).isEqualTo("wyzegw/front_door/snapshot");
        assertThat(p.retain()).isTrue();
        assertThat(p.qos()).isZero();
        assertThat(p.payload()).isEqualTo(jpeg);
        assertThat(mapper.snapshot("front_door", new byte[CameraStateMapper.SNAPSHOT_CAP_BYTES]))
                .isPresent();
        assertThat(mapper.snapshot("front_door", new byte[CameraStateMapper.SNAPSHOT_CAP_BYTES + 1]))
                .isEmpty();
        assertThat(mapper.snapshot("front_door", new byte[0])).isEmpty();
    }
}
