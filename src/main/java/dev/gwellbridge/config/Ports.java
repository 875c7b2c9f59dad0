package dev.gwellbridge.config;

/**
 * The TCP ports the add-on uses. With host networking they are the host's ports, which is why the
 * page sits on an uncommon one and the stream ports are options.
 *
 * <p>{@code config.yaml}'s {@code ingress_port} and {@code watchdog}, the run script and the web
 * layer all use {@link #WEB_PORT}; a test keeps them in step.
 */
public final class Ports {
    /** The ingress page, its API and {@code /healthz} for the Supervisor's watchdog. */
    public static final int WEB_PORT = 8097;

    /** Default of the {@code rtsp_port} option: the RTSP server for LAN players. */
    public static final int DEFAULT_RTSP_PORT = 8554;

    /** Default of the {@code hls_port} option: the RTSP server's HLS listener for LAN players. */
    public static final int DEFAULT_HLS_PORT = 8888;

    /** Used when {@code mqtt.port} is not set. */
    public static final int DEFAULT_MQTT_PORT = 1883;

    private Ports() {}
}
