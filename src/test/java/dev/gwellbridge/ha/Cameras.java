package dev.gwellbridge.ha;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.camera.Transport;
import java.time.Instant;

/** Camera states used across the mapping tests. */
final class Cameras {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    static final Topics TOPICS = new Topics("wyzegw", "homeassistant");
    static final HaSettings SETTINGS =
            new HaSettings(TOPICS, "0.1.0", HaSettings.SUPPORT_URL, "abcd1234_wyze_gwell_bridge");

    private Cameras() {}

    static CameraInfo frontDoorInfo() {
        return new CameraInfo(
                CameraId.of("GW_BE1_AABBCCDDEEFF"), "Front Door", "GW_BE1", "1.0.77", "192.168.1.50", true);
    }

    /** The Doorbell Pro of the integration design's examples, streaming over LAN. */
    static CameraState frontDoorStreaming() {
        return new CameraState(
                frontDoorInfo(),
                "front_door",
                CameraStatus.STREAMING,
                null,
                "Streaming.",
                true,
                true,
                true,
                Quality.HD,
                StreamMode.ALWAYS,
                Transport.LAN_UDP,
                new CameraStats(19.96, 1234.56, 2, 0.04, Instant.parse("2026-01-02T02:00:00.250Z"), 99, 0, 1),
                T0);
    }

    /** The same camera unreachable: stream switch still on, no stats. */
    static CameraState frontDoorOffline() {
        return new CameraState(
                frontDoorInfo(),
                "front_door",
                CameraStatus.OFFLINE,
                FailureReason.CAMERA_UNREACHABLE,
                FailureReason.CAMERA_UNREACHABLE.message(),
                true,
                false,
                true,
                Quality.SD,
                StreamMode.ON_DEMAND,
                Transport.NONE,
                CameraStats.EMPTY,
                T0);
    }

    static CameraState renamed(CameraState s, String name) {
        CameraInfo i = s.info();
        return s.withInfo(
                new CameraInfo(i.id(), name, i.modelId(), i.firmware(), i.lanIp(), i.cloudOnline()), s.slug());
    }
}
