package dev.gwellbridge.camera;

import java.util.Locale;

/** What a camera's stream is doing now (reality; the user's intent is {@link CameraState#streamOn()}). */
public enum CameraStatus {
    IDLE,
    STARTING,
    STREAMING,
    RECONNECTING,
    BACKOFF,
    ERROR,
    OFFLINE,
    DISABLED;

    /** The lower-case word published on MQTT and the page. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
