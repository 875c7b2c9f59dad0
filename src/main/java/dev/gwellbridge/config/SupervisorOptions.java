package dev.gwellbridge.config;

import dev.gwellbridge.camera.CameraSettings;
import dev.gwellbridge.camera.SupervisorSettings;
import java.util.List;

/** Maps the add-on options onto the camera supervisor's settings. */
public final class SupervisorOptions {

    private SupervisorOptions() {}

    /**
     * Global mode, quality and timings, and one override per {@code cameras} entry; an entry with
     * {@code enabled: false} or {@code stream_mode: off} switches its camera off. The entry's
     * {@code transport} has no counterpart in the supervisor and is not mapped.
     */
    public static SupervisorSettings settings(Options o) {
        List<CameraSettings> cameras = o.cameras().stream()
                .map(c -> new CameraSettings(
                        c.mac(), c.enabled() && !c.off(), c.streamMode(), c.quality(), c.lanIp(), c.name()))
                .toList();
        return new SupervisorSettings(
                o.streamMode(),
                o.quality(),
                o.handshakeStagger(),
                o.deadman(),
                o.idleTimeout(),
                o.snapshotInterval(),
                cameras);
    }
}
