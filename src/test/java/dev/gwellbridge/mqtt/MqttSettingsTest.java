package dev.gwellbridge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttSettingsTest {

    @Test
    void clientIdTakesTheFirstEightHexDigitsOfTheInstallId() {
        assertThat(MqttSettings.anonymous("h", 1883, "wyzegw", "homeassistant", "3F2A9C1B-5D6E-4F70-8123-456789ABCDEF")
                        .clientId())
                .isEqualTo("wyzegw-3f2a9c1b");
        assertThat(MqttSettings.anonymous("h", 1883, "wyzegw", "homeassistant", "zz-01-23-45-67-89")
                        .clientId())
                .isEqualTo("wyzegw-01234567");
    }

    @Test
    void installIdWithoutEnoughHexDigitsIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> MqttSettings.anonymous("h", 1883, "wyzegw", "homeassistant", "xyz-123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("install id");
    }

    @Test
    void defaultsAndBrokerText() {
        MqttSettings s = new MqttSettings("  core-mosquitto ", 0, null, null, "", null, "0123456789ab", null);

        assertThat(s.port()).isEqualTo(1883);
        assertThat(s.broker()).isEqualTo("core-mosquitto:1883");
        assertThat(s.baseTopic()).isEqualTo("wyzegw");
        assertThat(s.discoveryPrefix()).isEqualTo("homeassistant");
        assertThat(MqttSettings.anonymous("::1", 1884, "a", "b", "0123456789ab").broker())
                .isEqualTo("[::1]:1884");
        assertThat(s.withIngressSlug("abc_wyze").ingressSlug()).isEqualTo("abc_wyze");
    }

    @Test
    void badHostOrPortNameTheField() {
        assertThatThrownBy(() -> MqttSettings.anonymous(" ", 1883, "a", "b", "0123456789ab"))
                .hasMessageContaining("mqtt host");
        assertThatThrownBy(() -> MqttSettings.anonymous("h", 70000, "a", "b", "0123456789ab"))
                .hasMessageContaining("mqtt port");
    }

    @Test
    void toStringNeverShowsThePassword() {
        MqttSettings s = new MqttSettings("h", 1883, "user", "hunter2-secret", "a", "b", "0123456789ab", "");

        assertThat(s.toString()).doesNotContain("hunter2-secret").contains("password=<set>", "h:1883");
    }
}
