package dev.gwellbridge.camera;

import java.util.Locale;

/**
 * Which paths a camera's sessions may use: {@code auto} tries the LAN first and falls back to the
 * relays, {@code lan} never uses a relay, {@code relay} never tries the LAN.
 */
public enum TransportPreference {
    AUTO,
    LAN,
    RELAY;

    /** The option value, e.g. {@code lan}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The preference for an option value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value when it is not auto, lan or relay
     */
    public static TransportPreference parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (TransportPreference p : values()) {
            if (p.wire().equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("transport must be auto, lan or relay, not '" + value + "'");
    }
}
