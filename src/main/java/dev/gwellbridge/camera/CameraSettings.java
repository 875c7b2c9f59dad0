package dev.gwellbridge.camera;

import java.util.Objects;
import java.util.Optional;

/**
 * Per-camera overrides from the options, keyed by device id or MAC.
 *
 * @param key the device id ({@code GW_GC1_0A1B2C3D4E5F}) or its MAC part
 * @param enabled false when the camera is switched off (status {@code disabled}, no sessions)
 * @param mode null when the global mode applies
 * @param quality null when the global quality applies
 * @param lanIp LAN IPv4 to use when no address was pinned by command; empty when not set
 * @param name slug override (turned into a slug the usual way); empty when not set
 * @param transport which paths the camera's sessions may use; null means {@link TransportPreference#AUTO}
 */
public record CameraSettings(
        String key,
        boolean enabled,
        StreamMode mode,
        Quality quality,
        String lanIp,
        String name,
        TransportPreference transport) {

    public CameraSettings {
        Objects.requireNonNull(key, "key");
        lanIp = lanIp == null ? "" : lanIp.trim();
        name = name == null ? "" : name.trim();
        transport = transport == null ? TransportPreference.AUTO : transport;
    }

    /** Overrides with the {@code auto} transport. */
    public CameraSettings(String key, boolean enabled, StreamMode mode, Quality quality, String lanIp, String name) {
        this(key, enabled, mode, quality, lanIp, name, TransportPreference.AUTO);
    }

    /** No overrides: enabled, global mode and quality. */
    public static CameraSettings defaults(CameraId id) {
        return new CameraSettings(id.deviceId(), true, null, null, "", "");
    }

    /** Whether this entry is about the given camera (its whole device id or its MAC part). */
    public boolean matches(CameraId id) {
        return key.equalsIgnoreCase(id.deviceId()) || key.equalsIgnoreCase(id.mac());
    }

    public Optional<StreamMode> modeOverride() {
        return Optional.ofNullable(mode);
    }

    public Optional<Quality> qualityOverride() {
        return Optional.ofNullable(quality);
    }
}
