package dev.gwellbridge.camera;

import java.util.Locale;
import java.util.Optional;

/** Requested stream quality. */
public enum Quality {
    HD,
    SD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code hd}/{@code sd} in any case. */
    public static Optional<Quality> parse(String s) {
        String t = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
        for (Quality q : values()) {
            if (q.name().equals(t)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
