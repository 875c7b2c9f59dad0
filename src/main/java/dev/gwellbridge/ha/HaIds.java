package dev.gwellbridge.ha;

import dev.gwellbridge.camera.CameraId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identifiers Home Assistant keeps: every one derives from the camera's MAC, never from its
 * nickname, so a rename in the Wyze app changes no entity.
 */
public final class HaIds {
    /** The bridge device's identifier and discovery object id; the cameras' {@code via_device}. */
    public static final String BRIDGE_DEVICE = "wyzegw_bridge";

    private static final String PREFIX = "wyzegw_";
    private static final Pattern MAC12 = Pattern.compile("[0-9A-F]{12}");

    private HaIds() {}

    /** The device identifier and discovery object id of a camera, e.g. {@code wyzegw_AABBCCDDEEFF}. */
    public static String device(CameraId id) {
        return PREFIX + id.mac();
    }

    /** The unique id of one of a device's entities, e.g. {@code wyzegw_AABBCCDDEEFF_stream}. */
    public static String unique(String deviceId, String component) {
        return deviceId + "_" + component;
    }

    /** The MAC as HA's {@code connections} entry wants it ({@code aa:bb:cc:dd:ee:ff}), when it is one. */
    public static Optional<String> colonMac(CameraId id) {
        String mac = id.mac();
        if (!MAC12.matcher(mac).matches()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(mac, i, i + 2);
        }
        return Optional.of(sb.toString().toLowerCase(Locale.ROOT));
    }
}
