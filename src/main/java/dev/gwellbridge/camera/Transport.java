package dev.gwellbridge.camera;

import java.util.Locale;

/** The path a session's video takes. */
public enum Transport {
    NONE("none"),
    LAN_UDP("lan"),
    LAN_TCP("lan"),
    TCP_RELAY("relay"),
    UDP_RELAY("relay"),
    PASSTHROUGH("relay");

    private final String kind;

    Transport(String kind) {
        this.kind = kind;
    }

    /** {@code lan}, {@code relay} or {@code none}: the coarse value Home Assistant shows. */
    public String kind() {
        return kind;
    }

    /** The detailed snake_case name, e.g. {@code lan_udp}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
