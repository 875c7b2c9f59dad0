package dev.gwellbridge.ha;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The requests {@code <base>/bridge/request/<action>} understands. */
public enum BridgeAction {
    /** Re-read the camera list from Wyze (rate limited). */
    REFRESH_CAMERAS,
    /** Republish discovery and every retained state. */
    ANNOUNCE,
    /** Stream switch on for every enabled camera. */
    START_ALL,
    /** Stream switch off for every camera. */
    STOP_ALL,
    /** Tear down and re-establish all sessions through the handshake queue. */
    RESTART_STREAMS,
    /** Answer with the health JSON. */
    HEALTH_CHECK;

    /** The topic level, e.g. {@code refresh_cameras}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action named by a topic level, case-insensitive. */
    public static Optional<BridgeAction> parse(String level) {
        return Arrays.stream(values())
                .filter(a -> a.wire().equalsIgnoreCase(level))
                .findFirst();
    }
}
