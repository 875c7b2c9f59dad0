package dev.gwellbridge.config;

import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import java.util.Optional;

/**
 * One entry of the {@code cameras} list: per-camera overrides keyed by device id or MAC.
 *
 * @param mac the device id ({@code GW_GC1_0A1B2C3D4E5F}) or its MAC part, upper-cased
 * @param name slug override for topics and stream paths, empty when not set
 * @param lanIp pinned LAN IPv4, empty when not set
 * @param transport {@code auto}, {@code lan} or {@code relay}
 * @param quality null when not set (the global quality applies)
 * @param streamMode null when not set; {@link #off()} tells whether the camera is switched off
 */
public record CameraOptions(
        String mac,
        String name,
        boolean enabled,
        String lanIp,
        String transport,
        Quality quality,
        StreamMode streamMode,
        boolean off) {

    public Optional<Quality> qualityOverride() {
        return Optional.ofNullable(quality);
    }

    public Optional<StreamMode> streamModeOverride() {
        return Optional.ofNullable(streamMode);
    }

    /**
     * Whether this entry is about the given camera: the MAC parts agree, so an entry written as the
     * whole device id or as the bare MAC matches an id given either way.
     */
    public boolean matches(dev.gwellbridge.camera.CameraId id) {
        return dev.gwellbridge.camera.CameraId.of(mac).mac().equals(id.mac());
    }
}
