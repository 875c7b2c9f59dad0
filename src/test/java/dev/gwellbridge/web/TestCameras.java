package dev.gwellbridge.web;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.MqttStatus;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.camera.StreamUrls;
import dev.gwellbridge.camera.Transport;
import java.time.Instant;
import java.util.List;

/** Camera and bridge values for the page's tests. */
final class TestCameras {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final CameraId FRONT = CameraId.of("GW_GC1_0A1B2C3D4E5F");
    static final CameraId DOOR = CameraId.of("GW_BE1_AABBCCDDEEFF");

    private TestCameras() {}

    static CameraState front(CameraStatus status) {
        CameraInfo info = new CameraInfo(FRONT, "Front Yard", "GW_GC1", "4.52.9.1234", "192.168.1.50", true);
        boolean streaming = status == CameraStatus.STREAMING;
        CameraStats stats = streaming
                ? new CameraStats(19.96, 1012.34, 2, 0.25, T0, 123456, 0, 1)
                : new CameraStats(0, 0, 2, -1, null, 0, 0, 0);
        return new CameraState(
                info,
                "front_yard",
                status,
                null,
                streaming ? "Streaming over the LAN." : "Idle.",
                streaming,
                true,
                true,
                Quality.HD,
                StreamMode.ON_DEMAND,
                streaming ? Transport.LAN_UDP : Transport.NONE,
                stats,
                T0);
    }

    static CameraState doorFailing() {
        CameraInfo info = new CameraInfo(DOOR, "Front Door", "GW_BE1", "1.0.77", "", true);
        return new CameraState(
                info,
                "front_door",
                CameraStatus.ERROR,
                FailureReason.RELAY_ONLY,
                FailureReason.RELAY_ONLY.message(),
                true,
                false,
                true,
                Quality.SD,
                StreamMode.ALWAYS,
                Transport.NONE,
                CameraStats.EMPTY,
                T0);
    }

    static StreamUrls urls(String slug) {
        return new StreamUrls(
                "rtsp://192.168.1.10:8554/" + slug,
                "http://192.168.1.10:8888/" + slug + "/index.m3u8",
                "hls/" + slug + "/index.m3u8");
    }

    static BridgeStatus bridge(List<String> problems) {
        return new BridgeStatus(
                "0.1.0-test",
                T0.minusSeconds(3600),
                1,
                new CloudStatus("ok", "Logged in.", null, 14, "page"),
                new MqttStatus(true, true, "core-mosquitto:1883", "wyzegw", "homeassistant", "connected"),
                new BridgeStatus.CameraCounts(2, 1, 1, 1),
                problems);
    }
}
