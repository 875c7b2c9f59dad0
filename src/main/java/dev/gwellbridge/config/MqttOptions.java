package dev.gwellbridge.config;

/**
 * The {@code mqtt} block. An empty host means "use the broker the Supervisor provides" (or, outside
 * the add-on, localhost when one answers). {@link #toString()} never shows the password.
 *
 * @param port 0 when not set ({@link Ports#DEFAULT_MQTT_PORT} is assumed)
 */
public record MqttOptions(
        String host, int port, String username, String password, String baseTopic, String discoveryPrefix) {

    public static final MqttOptions DEFAULT = new MqttOptions("", 0, "", "", "wyzegw", "homeassistant");

    public MqttOptions {
        host = host == null ? "" : host.trim();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        baseTopic = baseTopic == null || baseTopic.isBlank() ? "wyzegw" : baseTopic;
        discoveryPrefix = discoveryPrefix == null || discoveryPrefix.isBlank() ? "homeassistant" : discoveryPrefix;
    }

    /** The port to connect to. */
    public int effectivePort() {
        return port == 0 ? Ports.DEFAULT_MQTT_PORT : port;
    }

    @Override
    public String toString() {
        return "MqttOptions[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password.isEmpty() ? "<not set>" : "<set>") + ", baseTopic=" + baseTopic
                + ", discoveryPrefix=" + discoveryPrefix + "]";
    }
}
