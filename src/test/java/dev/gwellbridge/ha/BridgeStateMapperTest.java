package dev.gwellbridge.ha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.MqttStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BridgeStateMapperTest {
    private static final Instant STARTED = Instant.parse("2026-01-02T00:00:00Z");
    private final BridgeStateMapper mapper = new BridgeStateMapper(Cameras.TOPICS);

    static BridgeStatus status(int streaming) {
        return new BridgeStatus(
                "0.1.0",
                STARTED,
                0,
                new CloudStatus("ok", "Logged in.", null, 14, "options"),
                new MqttStatus(true, true, "core-mosquitto:1883", "wyzegw", "homeassistant", "Connected."),
                new BridgeStatus.CameraCounts(4, 3, streaming, 1),
                List.of());
    }

    @Test
    void bridgeStateHasTheFieldsOfTheDesign() {
        Publication p = mapper.state(status(2), STARTED.plusSeconds(5231));

        assertThat(p.topic()).isEqualTo("wyzegw/bridge/state");
        assertThat(p.retain()).isTrue();
        assertThat(p.qos()).isEqualTo(1);
        assertThat(p.text())
                .isEqualTo("{\"cameras\":{\"error\":1,\"online\":3,\"streaming\":2,\"total\":4},"
                        + "\"cloud\":{\"auth\":\"ok\",\"backoff_until\":null,\"calls_last_hour\":14},"
                        + "\"handshake_queue\":0,\"uptime_s\":5231,\"version\":\"0.1.0\"}");
    }

    @Test
    void availabilityIsRetainedAtQosOne() {
        assertThat(mapper.availability(true))
                .isEqualTo(Publication.text("wyzegw/bridge/availability", "online", true, 1));
        assertThat(mapper.availability(false))
                .isEqualTo(Publication.text("wyzegw/bridge/availability", "offline", true, 1));
    }

    @Test
    void sameStateIgnoresTheTickingUptimeButNotTheCounts() {
        assertThat(BridgeStateMapper.sameState(status(2), status(2))).isTrue();
        assertThat(BridgeStateMapper.sameState(status(2), status(1))).isFalse();
    }

    @Test
    void healthCarriesEverythingButNeverCredentials() {
        String json = HaJson.text(BridgeStateMapper.health(status(2), STARTED.plusSeconds(60)));

        assertThat(json)
                .isEqualTo("{\"cameras\":{\"error\":1,\"online\":3,\"streaming\":2,\"total\":4},"
                        + "\"cloud\":{\"auth\":\"ok\",\"backoff_until\":null,\"calls_last_hour\":14,"
                        + "\"credential_source\":\"options\",\"message\":\"Logged in.\"},\"handshake_queue\":0,"
                        + "\"mqtt\":{\"base_topic\":\"wyzegw\",\"broker\":\"core-mosquitto:1883\",\"connected\":true,"
                        + "\"discovery_prefix\":\"homeassistant\",\"enabled\":true,\"message\":\"Connected.\"},"
                        + "\"problems\":[],\"started_at\":\"2026-01-02T00:00:00Z\",\"uptime_s\":60,"
                        + "\"version\":\"0.1.0\"}");
    }

    @Test
    void missingPartsBecomeDefaults() {
        BridgeStatus bare = new BridgeStatus("dev", null, 3, null, null, null, List.of("bad option"));

        String json = mapper.state(bare, STARTED).text();

        assertThat(json)
                .contains("\"auth\":\"not_configured\"", "\"uptime_s\":0", "\"total\":0", "\"handshake_queue\":3");
    }
}
