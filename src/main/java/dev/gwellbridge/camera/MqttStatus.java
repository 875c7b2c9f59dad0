package dev.gwellbridge.camera;

/**
 * The MQTT connection as the page and {@code api/health} show it.
 *
 * @param enabled false when no broker is configured or reachable
 * @param broker {@code host:port}, never credentials
 */
public record MqttStatus(
        boolean enabled, boolean connected, String broker, String baseTopic, String discoveryPrefix, String message) {

    public static MqttStatus off(String why, String baseTopic, String discoveryPrefix) {
        return new MqttStatus(false, false, "", baseTopic, discoveryPrefix, why);
    }
}
