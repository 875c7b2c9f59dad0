package dev.gwellbridge.camera;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A camera's Wyze device id, e.g. {@code GW_GC1_0A1B2C3D4E5F}: the model prefix and the camera's
 * MAC. The device id is what Mars mints credentials for and what the P2P server's device list names.
 *
 * <p>Everything Home Assistant sees is keyed on {@link #mac()}, never on the nickname.
 */
public record CameraId(String deviceId) implements Comparable<CameraId> {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]{3,64}");
    private static final Pattern GWELL = Pattern.compile("(GW_[A-Z0-9]+)_([0-9A-F]{12})");

    public CameraId {
        Objects.requireNonNull(deviceId, "deviceId");
        if (!VALID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException(
                    "device id must be 3 to 64 letters, digits or '_', like GW_GC1_0A1B2C3D4E5F");
        }
    }

    /** Parses a device id, upper-casing it. */
    public static CameraId of(String deviceId) {
        return new CameraId(deviceId.trim().toUpperCase(Locale.ROOT));
    }

    /** The MAC part in upper case ({@code 0A1B2C3D4E5F}); the whole id when it has no GW_ prefix. */
    public String mac() {
        Matcher m = GWELL.matcher(deviceId.toUpperCase(Locale.ROOT));
        return m.matches() ? m.group(2) : deviceId.toUpperCase(Locale.ROOT);
    }

    /** The model id ({@code GW_GC1}), or empty when the id carries none. */
    public String modelId() {
        Matcher m = GWELL.matcher(deviceId.toUpperCase(Locale.ROOT));
        return m.matches() ? m.group(1) : "";
    }

    @Override
    public int compareTo(CameraId o) {
        return deviceId.compareTo(o.deviceId);
    }

    @Override
    public String toString() {
        return deviceId;
    }
}
