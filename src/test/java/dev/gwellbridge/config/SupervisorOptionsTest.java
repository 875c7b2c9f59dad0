package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraSettings;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.camera.SupervisorSettings;
import dev.gwellbridge.camera.TransportPreference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SupervisorOptionsTest {

    @Test
    void defaultOptionsGiveTheDefaultSettings() {
        assertThat(SupervisorOptions.settings(Options.DEFAULT)).isEqualTo(SupervisorSettings.DEFAULTS);
    }

    @Test
    void mapsGlobalTimingsAndEveryCameraEntry() {
        LoadedOptions loaded = OptionsLoader.parse("""
                {"stream_mode": "always", "quality": "sd", "handshake_stagger_s": 20, "deadman_s": 60,
                 "idle_timeout_s": 90, "snapshot_interval_min": 0,
                 "cameras": [
                   {"mac": "0A1B2C3D4E5F", "name": "Porch", "lan_ip": "192.168.1.9", "quality": "hd"},
                   {"mac": "GW_BE1_AABBCCDD1234", "stream_mode": "off"},
                   {"mac": "AABBCCDD5678", "enabled": false, "stream_mode": "on_demand"}
                 ]}
                """);
        assertThat(loaded.problems()).isEmpty();

        SupervisorSettings s = SupervisorOptions.settings(loaded.options());

        assertThat(s.mode()).isEqualTo(StreamMode.ALWAYS);
        assertThat(s.quality()).isEqualTo(Quality.SD);
        assertThat(s.handshakeStagger()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.deadman()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.snapshotInterval()).isZero();
        CameraSettings porch = s.forCamera(CameraId.of("GW_GC1_0A1B2C3D4E5F"));
        assertThat(porch.name()).isEqualTo("Porch");
        assertThat(porch.lanIp()).isEqualTo("192.168.1.9");
        assertThat(porch.qualityOverride()).hasValue(Quality.HD);
        assertThat(porch.modeOverride()).isEmpty();
        assertThat(porch.enabled()).isTrue();
        assertThat(s.forCamera(CameraId.of("GW_BE1_AABBCCDD1234")).enabled()).isFalse();
        CameraSettings third = s.forCamera(CameraId.of("GW_DUO_AABBCCDD5678"));
        assertThat(third.enabled()).isFalse();
        assertThat(third.modeOverride()).hasValue(StreamMode.ON_DEMAND);
        assertThat(s.forCamera(CameraId.of("GW_GC1_111111111111")))
                .isEqualTo(CameraSettings.defaults(CameraId.of("GW_GC1_111111111111")));
    }

    @Test
    void eachCamerasTransportBecomesItsPreferenceAndAnUnsetOneIsAuto() {
        LoadedOptions loaded = OptionsLoader.parse("""
                {"cameras": [
                   {"mac": "0A1B2C3D4E5F", "transport": "relay"},
                   {"mac": "AABBCCDD1234", "transport": "LAN"},
                   {"mac": "AABBCCDD5678"}
                 ]}
                """);
        assertThat(loaded.problems()).isEmpty();

        SupervisorSettings s = SupervisorOptions.settings(loaded.options());

        assertThat(s.forCamera(CameraId.of("GW_GC1_0A1B2C3D4E5F")).transport()).isEqualTo(TransportPreference.RELAY);
        assertThat(s.forCamera(CameraId.of("GW_GC1_AABBCCDD1234")).transport()).isEqualTo(TransportPreference.LAN);
        assertThat(s.forCamera(CameraId.of("GW_GC1_AABBCCDD5678")).transport()).isEqualTo(TransportPreference.AUTO);
        assertThat(s.forCamera(CameraId.of("GW_GC1_111111111111")).transport()).isEqualTo(TransportPreference.AUTO);
    }
}
