package dev.gwellbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.Quality;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The camera part of the JSON API, over HTTP on a free loopback port with a fake supervisor. */
@Timeout(30)
class CameraApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private PageFixture page;

    @BeforeEach
    void open() {
        page = PageFixture.open(dataDir);
        page.cameras.put(TestCameras.front(CameraStatus.STREAMING));
        page.cameras.put(TestCameras.doorFailing());
    }

    @AfterEach
    void close() {
        page.close();
    }

    @Test
    void listsCamerasWithTheDocumentedFields() throws Exception {
        HttpResponse<String> r = page.get("api/cameras");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode arr = JSON.readTree(r.body());
        assertThat(arr).hasSize(2);
        JsonNode door = arr.get(0);
        JsonNode front = arr.get(1);
        List<String> names = new ArrayList<>();
        front.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .contains(
                        "id",
                        "name",
                        "slug",
                        "model",
                        "status",
                        "reason",
                        "transport",
                        "rtsp_url",
                        "hls_url",
                        "live_hls",
                        "fps",
                        "bitrate_kbps",
                        "last_frame_age_s",
                        "snapshot_url");
        assertThat(front.get("id").asText()).isEqualTo("GW_GC1_0A1B2C3D4E5F");
        assertThat(front.get("name").asText()).isEqualTo("Front Yard");
        assertThat(front.get("slug").asText()).isEqualTo("front_yard");
        assertThat(front.get("model").asText()).isEqualTo("Wyze Cam OG");
        assertThat(front.get("model_id").asText()).isEqualTo("GW_GC1");
        assertThat(front.get("firmware").asText()).isEqualTo("4.52.9.1234");
        assertThat(front.get("mac").asText()).isEqualTo("0A1B2C3D4E5F");
        assertThat(front.get("lan_ip").asText()).isEqualTo("192.168.1.50");
        assertThat(front.get("status").asText()).isEqualTo("streaming");
        assertThat(front.get("reason").isNull()).isTrue();
        assertThat(front.get("transport").asText()).isEqualTo("lan");
        assertThat(front.get("transport_detail").asText()).isEqualTo("lan_udp");
        assertThat(front.get("rtsp_url").asText()).isEqualTo("rtsp://192.168.1.10:8554/front_yard");
        assertThat(front.get("hls_url").asText()).isEqualTo("http://192.168.1.10:8888/front_yard/index.m3u8");
        assertThat(front.get("live_hls").asText()).isEqualTo("hls/front_yard/index.m3u8");
        assertThat(front.get("fps").asDouble()).isEqualTo(20.0);
        assertThat(front.get("bitrate_kbps").asDouble()).isEqualTo(1012.3);
        assertThat(front.get("last_frame_age_s").asDouble()).isEqualTo(0.3);
        assertThat(front.get("reconnects").asLong()).isEqualTo(2);
        assertThat(front.get("snapshot_url").asText()).isEqualTo("api/cameras/GW_GC1_0A1B2C3D4E5F/snapshot.jpg");
        assertThat(door.get("status").asText()).isEqualTo("error");
        assertThat(door.get("reason").asText()).isEqualTo("relay_only");
        assertThat(door.get("message").asText()).contains("relay only");
        assertThat(door.get("last_frame_age_s").isNull()).isTrue();
        assertThat(door.get("quality").asText()).isEqualTo("sd");
    }

    @Test
    void findsOneCameraByIdMacOrSlugAndRefusesUnknownOnes() throws Exception {
        for (String key : List.of("GW_GC1_0A1B2C3D4E5F", "0a1b2c3d4e5f", "front_yard")) {
            HttpResponse<String> r = page.get("api/cameras/" + key);
            assertThat(r.statusCode()).as(key).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("slug").asText()).isEqualTo("front_yard");
        }
        HttpResponse<String> missing = page.get("api/cameras/back_yard");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).isEqualTo("unknown_camera");
    }

    @Test
    void servesTheLatestSnapshotAsJpeg() throws Exception {
        assertThat(page.get("api/cameras/front_yard/snapshot.jpg").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(page.get("api/cameras/front_yard").body())
                        .get("has_snapshot")
                        .asBoolean())
                .isFalse();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        page.cameras.snapshot(TestCameras.FRONT, jpeg);

        HttpResponse<byte[]> r = page.getBytes("api/cameras/GW_GC1_0A1B2C3D4E5F/snapshot.jpg");
        HttpResponse<String> cam = page.get("api/cameras/front_yard");
        assertThat(JSON.readTree(cam.body()).get("has_snapshot").asBoolean()).isTrue();

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.body()).isEqualTo(jpeg);
    }

    @Test
    void startStopRestartAndSnapshotReachTheSupervisor() throws Exception {
        assertThat(page.post("api/cameras/front_yard/start", "{}").statusCode()).isEqualTo(200);
        assertThat(page.post("api/cameras/front_yard/stop", "").statusCode()).isEqualTo(200);
        assertThat(page.post("api/cameras/front_yard/restart", "{\"force\":true}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> snap = page.post("api/cameras/front_yard/snapshot", "{\"wake\":true}");
        assertThat(snap.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(snap.body()).get("ok").asBoolean()).isTrue();

        assertThat(page.cameras.commands)
                .extracting(FakeCameraControl.Sent::command)
                .containsExactly(
                        new CameraCommand.Start(),
                        new CameraCommand.Stop(),
                        new CameraCommand.Restart(true),
                        new CameraCommand.Snapshot(true));
        assertThat(page.cameras.commands).allMatch(s -> s.id().equals(TestCameras.FRONT));
    }

    @Test
    void aRefusedCommandAnswers409WithTheReason() throws Exception {
        page.cameras.answer = (id, c) -> CommandResult.refused("backoff", "The camera is in backoff.");

        HttpResponse<String> r = page.post("api/cameras/front_yard/restart", "{}");

        assertThat(r.statusCode()).isEqualTo(409);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("reason").asText()).isEqualTo("backoff");
        assertThat(body.get("message").asText()).isEqualTo("The camera is in backoff.");
        assertThat(page.cameras.commands)
                .extracting(FakeCameraControl.Sent::command)
                .containsExactly(new CameraCommand.Restart(false));
    }

    @Test
    void setsQualityAndPinsTheLanIp() throws Exception {
        assertThat(page.post("api/cameras/front_yard/quality", "{\"quality\":\"sd\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(page.post("api/cameras/front_yard/lan_ip", "{\"lan_ip\":\"192.168.1.77\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(page.post("api/cameras/front_yard/lan_ip", "{\"lan_ip\":\"\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(page.cameras.commands)
                .extracting(FakeCameraControl.Sent::command)
                .containsExactly(
                        new CameraCommand.SetQuality(Quality.SD),
                        new CameraCommand.PinLanIp("192.168.1.77"),
                        new CameraCommand.PinLanIp(""));
    }

    @Test
    void badCommandBodiesAreRefusedNamingTheField() throws Exception {
        HttpResponse<String> quality = page.post("api/cameras/front_yard/quality", "{\"quality\":\"4k\"}");
        HttpResponse<String> ip = page.post("api/cameras/front_yard/lan_ip", "{\"lan_ip\":\"192.168.1.300\"}");
        HttpResponse<String> force = page.post("api/cameras/front_yard/restart", "{\"force\":\"yes\"}");
        HttpResponse<String> notJson = page.post("api/cameras/front_yard/start", "{oops");
        HttpResponse<String> array = page.post("api/cameras/front_yard/start", "[]");

        assertThat(quality.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(quality.body()).get("message").asText()).isEqualTo("quality: expected hd or sd");
        assertThat(ip.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(ip.body()).get("message").asText()).startsWith("lan_ip: expected an IPv4 address");
        assertThat(force.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(force.body()).get("message").asText()).startsWith("force:");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(page.cameras.commands).isEmpty();
    }

    @Test
    void commandsForUnknownCamerasAre404AndNothingIsSent() throws Exception {
        HttpResponse<String> r = page.post("api/cameras/nope/start", "{}");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(page.cameras.commands).isEmpty();
    }

    @Test
    void getNeverChangesState() throws Exception {
        for (String action : List.of("start", "stop", "restart", "snapshot", "quality", "lan_ip")) {
            HttpResponse<String> r = page.get("api/cameras/front_yard/" + action);
            assertThat(r.statusCode()).as(action).isIn(404, 405);
        }
        assertThat(page.get("api/announce").statusCode()).isIn(404, 405);
        assertThat(page.get("api/refresh").statusCode()).isIn(404, 405);
        assertThat(page.get("api/credentials").statusCode()).isIn(404, 405);

        assertThat(page.cameras.commands).isEmpty();
        assertThat(page.cameras.refreshes.get()).isZero();
        assertThat(page.announces.get()).isZero();
        assertThat(page.account.calls).isEmpty();
    }
}
