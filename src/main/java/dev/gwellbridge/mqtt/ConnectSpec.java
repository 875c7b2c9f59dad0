package dev.gwellbridge.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * One connection attempt: broker, client id, credentials and last will. {@link #toString()} never
 * shows the password.
 *
 * @param willTopic the last will's topic; it is published retained at QoS 1
 * @param willPayload the last will's payload
 */
public record ConnectSpec(
        String host,
        int port,
        String clientId,
        String username,
        String password,
        String willTopic,
        String willPayload,
        Duration keepAlive,
        Duration timeout) {

    public ConnectSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clientId, "clientId");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        Objects.requireNonNull(willTopic, "willTopic");
        Objects.requireNonNull(willPayload, "willPayload");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "ConnectSpec[" + host + ":" + port + ", clientId=" + clientId + ", username=" + username + ", password="
                + (password.isEmpty() ? "<not set>" : "<set>") + ", will=" + willTopic + "]";
    }
}
