package dev.gwellbridge.mqtt;

import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to reach the broker, and the topic roots. {@link #toString()} never shows the
 * password.
 *
 * @param port the broker's TCP port (1883 when 0)
 * @param username empty for anonymous access
 * @param installId the installation's id kept in the data directory (e.g. a UUID); its first 8 hex
 *     digits make the client id, so two installations never kick each other off the broker
 * @param ingressSlug the add-on's full slug for {@code configuration_url}; empty when unknown
 */
public record MqttSettings(
        String host,
        int port,
        String username,
        String password,
        String baseTopic,
        String discoveryPrefix,
        String installId,
        String ingressSlug) {

    public MqttSettings {
        Objects.requireNonNull(host, "host");
        host = host.trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("mqtt host must not be empty");
        }
        port = port == 0 ? 1883 : port;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("mqtt port must be 1 to 65535, got " + port);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        baseTopic = baseTopic == null || baseTopic.isBlank() ? "wyzegw" : baseTopic.trim();
        discoveryPrefix =
                discoveryPrefix == null || discoveryPrefix.isBlank() ? "homeassistant" : discoveryPrefix.trim();
        Objects.requireNonNull(installId, "installId");
        if (hexDigits(installId).length() < 8) {
            throw new IllegalArgumentException("install id must contain at least 8 hex digits");
        }
        ingressSlug = ingressSlug == null ? "" : ingressSlug.trim();
    }

    /** Settings without credentials or ingress slug. */
    public static MqttSettings anonymous(
            String host, int port, String baseTopic, String discoveryPrefix, String installId) {
        return new MqttSettings(host, port, "", "", baseTopic, discoveryPrefix, installId, "");
    }

    /** {@code wyzegw-<first 8 hex digits of the install id>}, lower case. */
    public String clientId() {
        return "wyzegw-" + hexDigits(installId).substring(0, 8);
    }

    /** {@code host:port}, for status displays (never credentials). */
    public String broker() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** A copy with another ingress slug (known once the Supervisor answered). */
    public MqttSettings withIngressSlug(String slug) {
        return new MqttSettings(host, port, username, password, baseTopic, discoveryPrefix, installId, slug);
    }

    private static String hexDigits(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
    }

    @Override
    public String toString() {
        return "MqttSettings[broker=" + broker() + ", username=" + username + ", password="
                + (password.isEmpty() ? "<not set>" : "<set>") + ", baseTopic=" + baseTopic + ", discoveryPrefix="
                + discoveryPrefix + ", clientId=" + clientId() + ", ingressSlug=" + ingressSlug + "]";
    }
}
