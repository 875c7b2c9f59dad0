package dev.gwellbridge.config;

/**
 * The MQTT broker the Supervisor offers (Mosquitto add-on), from {@code GET /services/mqtt}. The
 * password is registered with {@link Secrets} when read; {@link #toString()} never shows it.
 *
 * @param addon the providing add-on's slug, e.g. {@code core_mosquitto}
 * @param protocol MQTT protocol version, e.g. {@code 3.1.1}
 */
public record MqttService(
        String host, int port, boolean ssl, String username, String password, String protocol, String addon) {

    public MqttService {
        host = host == null ? "" : host;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        protocol = protocol == null ? "" : protocol;
        addon = addon == null ? "" : addon;
    }

    @Override
    public String toString() {
        return "MqttService[host=" + host + ", port=" + port + ", ssl=" + ssl + ", username=" + username
                + ", password=" + (password.isEmpty() ? "<not set>" : "<set>") + ", protocol=" + protocol
                + ", addon=" + addon + "]";
    }
}
