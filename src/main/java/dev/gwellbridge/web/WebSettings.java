package dev.gwellbridge.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the page listens and who may open it.
 *
 * @param bindHost address to bind, e.g. {@code 0.0.0.0} in the add-on (host networking) or {@code
 *     127.0.0.1}
 * @param port TCP port; {@link #INGRESS_PORT} in the add-on, 0 picks a free one
 * @param allow IP literals that may connect (the Supervisor's ingress proxy plus {@code web_allow})
 * @param allowLoopback also admit 127.0.0.1/::1 on every route (development and demo mode); {@code
 *     healthz} always admits loopback
 * @param dataDir the data directory; HLS is served from {@code <dataDir>/hls/<slug>/}
 */
public record WebSettings(String bindHost, int port, List<String> allow, boolean allowLoopback, Path dataDir) {

    /** The add-on's {@code ingress_port}. */
    public static final int INGRESS_PORT = dev.gwellbridge.config.Ports.WEB_PORT;

    /** The Supervisor's ingress proxy, the only default caller. */
    public static final String SUPERVISOR_INGRESS = "172.30.32.2";

    public WebSettings {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("web port must be 0-65535, got " + port);
        }
        allow = List.copyOf(allow);
    }

    /**
     * The add-on's listener: all interfaces on {@link #INGRESS_PORT}, admitting the ingress proxy and
     * the {@code web_allow} extras.
     */
    public static WebSettings addon(List<String> webAllow, Path dataDir) {
        List<String> allow = new ArrayList<>();
        allow.add(SUPERVISOR_INGRESS);
        allow.addAll(webAllow);
        return new WebSettings("0.0.0.0", INGRESS_PORT, allow, false, dataDir);
    }

    /** A copy that also admits loopback callers on every route. */
    public WebSettings withLoopback() {
        return new WebSettings(bindHost, port, allow, true, dataDir);
    }
}
