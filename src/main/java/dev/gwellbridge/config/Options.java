package dev.gwellbridge.config;

import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The add-on options ({@code /data/options.json} or {@code --options FILE}), validated. Same JSON
 * shape as {@code config.yaml}'s schema; every field is optional in the file and has a default.
 *
 * @param advertiseHost host put into published stream URLs; empty = detect
 * @param p2pServer {@code host:port} of the P2P server to use instead of discovery; empty = discover
 * @param webAllow addresses allowed to open the page besides the Supervisor's ingress proxy
 */
public record Options(
        WyzeOptions wyze,
        StreamMode streamMode,
        Quality quality,
        int rtspPort,
        int hlsPort,
        String advertiseHost,
        String p2pServer,
        Duration handshakeStagger,
        Duration deadman,
        Duration idleTimeout,
        Duration snapshotInterval,
        List<String> webAllow,
        MqttOptions mqtt,
        List<CameraOptions> cameras,
        String logLevel) {

    public static final Options DEFAULT = new Options(
            WyzeOptions.NONE,
            StreamMode.ON_DEMAND,
            Quality.HD,
            Ports.DEFAULT_RTSP_PORT,
            Ports.DEFAULT_HLS_PORT,
            "",
            "",
            Duration.ofSeconds(15),
            Duration.ofSeconds(120),
            Duration.ofSeconds(120),
            Duration.ofMinutes(10),
            List.of(),
            MqttOptions.DEFAULT,
            List.of(),
            "info");

    public Options {
        webAllow = List.copyOf(webAllow);
        cameras = List.copyOf(cameras);
    }

    /** The overrides for a camera, if the options list it. */
    public Optional<CameraOptions> camera(dev.gwellbridge.camera.CameraId id) {
        return cameras.stream().filter(c -> c.matches(id)).findFirst();
    }
}
