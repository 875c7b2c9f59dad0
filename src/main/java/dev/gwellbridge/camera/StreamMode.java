package dev.gwellbridge.camera;

import java.util.Locale;
import java.util.Optional;

/** When a camera's session runs. */
public enum StreamMode {
    /** Keep a session up and reconnect whenever it drops. */
    ALWAYS,
    /** Start when a viewer or a command asks, stop after an idle timeout. */
    ON_DEMAND;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code always}/{@code on_demand}. */
    public static Optional<StreamMode> parse(String s) {
        String t = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
        for (StreamMode m : values()) {
            if (m.name().equals(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
