package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.config.MqttOptions;
import dev.gwellbridge.config.MqttService;
import dev.gwellbridge.config.SupervisorResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {
    private static final MqttOptions NO_HOST = MqttOptions.DEFAULT;

    @Test
    void anExplicitHostWinsOverEverythingElse() {
        MqttOptions o = new MqttOptions("broker.lan", 1884, "u", "p", "wyzegw", "homeassistant");
        BrokerChoice c = BrokerChoice.choose(
                o,
                Optional.of(
                        () -> SupervisorResult.of(new MqttService("core-mosquitto", 1883, false, "a", "b", "", ""))),
                a -> true);
        assertThat(c.broker()).isEqualTo("broker.lan:1884");
        assertThat(c.source()).isEqualTo("options");
        assertThat(c.username()).isEqualTo("u");
    }

    @Test
    void theSupervisorsBrokerIsUsedWhenNoHostIsSet() {
        BrokerChoice c = BrokerChoice.choose(
                NO_HOST,
                Optional.of(() -> SupervisorResult.of(
                        new MqttService("core-mosquitto", 1883, false, "addons", "pw", "3.1.1", "core_mosquitto"))),
                a -> false);
        assertThat(c.enabled()).isTrue();
        assertThat(c.broker()).isEqualTo("core-mosquitto:1883");
        assertThat(c.source()).isEqualTo("supervisor");
        assertThat(c.toString()).doesNotContain("pw");
    }

    @Test
    void aTlsOnlySupervisorBrokerTurnsMqttOffWithAReason() {
        BrokerChoice c = BrokerChoice.choose(
                NO_HOST,
                Optional.of(() -> SupervisorResult.of(new MqttService("core-mosquitto", 8883, true, "", "", "", ""))),
                a -> true);
        assertThat(c.enabled()).isFalse();
        assertThat(c.reason()).contains("TLS").contains("mqtt.host");
    }

    @Test
    void fallsBackToABrokerOnLocalhostThenToOffWithEveryReason() {
        Optional<java.util.function.Supplier<SupervisorResult<MqttService>>> none =
                Optional.of(() -> SupervisorResult.failed("no MQTT service is installed"));
        assertThat(BrokerChoice.choose(NO_HOST, none, a -> a.getPort() == 1883).broker())
                .isEqualTo("127.0.0.1:1883");
        BrokerChoice off = BrokerChoice.choose(NO_HOST, none, a -> false);
        assertThat(off.enabled()).isFalse();
        assertThat(off.reason())
                .contains("mqtt.host")
                .contains("no MQTT service is installed")
                .contains("localhost:1883");
        assertThat(BrokerChoice.choose(NO_HOST, Optional.empty(), a -> false).reason())
                .doesNotContain("service");
    }
}
