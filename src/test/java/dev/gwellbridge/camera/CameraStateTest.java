package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CameraStateTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    private static final CameraInfo INFO =
            new CameraInfo(CameraId.of("GW_GC1_0A1B2C3D4E5F"), "Garage", "GW_GC1", "1.0.0.1", "192.168.1.20", true);
    private static final CameraState STREAMING = new CameraState(
            INFO,
            "garage",
            CameraStatus.STREAMING,
            null,
            "Streaming over the LAN.",
            true,
            true,
            true,
            Quality.HD,
            StreamMode.ALWAYS,
            Transport.LAN_UDP,
            new CameraStats(20, 1000, 2, 0.1, T0, 5_000, 0, 0),
            T0);

    @Test
    void eachCopyChangesOnlyItsOwnFields() {
        CameraInfo renamed = new CameraInfo(INFO.id(), "Shed", "GW_GC1", "1.0.0.1", "192.168.1.20", true);

        assertThat(STREAMING.withInfo(renamed, "shed"))
                .usingRecursiveComparison()
                .ignoringFields("info", "slug")
                .isEqualTo(STREAMING);
        assertThat(STREAMING.withInfo(renamed, "shed").slug()).isEqualTo("shed");
        assertThat(STREAMING.withQuality(Quality.SD).quality()).isEqualTo(Quality.SD);
        assertThat(STREAMING.withQuality(Quality.SD))
                .usingRecursiveComparison()
                .ignoringFields("quality")
                .isEqualTo(STREAMING);
        assertThat(STREAMING.withMessage("other").message()).isEqualTo("other");
        assertThat(STREAMING.withMessage(null).message()).isEmpty();
    }

    @Test
    void replacingTheFiguresAlsoMovesTheTimestamp() {
        CameraState stripped = STREAMING.withStats(CameraStats.EMPTY, Instant.EPOCH);

        assertThat(stripped.stats()).isEqualTo(CameraStats.EMPTY);
        assertThat(stripped.updatedAt()).isEqualTo(Instant.EPOCH);
        assertThat(stripped.status()).isEqualTo(CameraStatus.STREAMING);
        assertThat(stripped.transport()).isEqualTo(Transport.LAN_UDP);
    }
}
