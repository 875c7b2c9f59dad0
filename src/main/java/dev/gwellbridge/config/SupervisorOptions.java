package dev.gwellbridge.config;

import dev.gwellbridge.camera.CameraSettings;
import dev.gwellbridge.camera.SupervisorSettings;
import dev.gwellbridge.camera.TransportPreference;
import java.util.List;

/** Maps the add-on options onto the camera supervisor's settings. */
public final class SupervisorOptions {

    private SupervisorOptions() {}

    /**
     * Global mode, quality and timings, and one override per {@code cameras} entry; an entry with
     * {@code enabled: false} or {@code stream_mode: off} switches its camera off; its {@code
     * transport} ({@code auto}, {@code lan} or {@code relay}) becomes the camera's {@link
     * TransportPreference}, which every stream request for that camera carries.
     */
    public static SupervisorSettings settings(Options o) {
        List<CameraSettings> cameras = o.cameras().stream()
                .map(c -> new CameraSettings(
                        c.mac(),
                        c.enabled() && !c.off(),
                        c.streamMode(),
                        c.quality(),
                        c.lanIp(),
                        c.name(),
                        TransportPreference.parse(c.transport())))
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
