package dev.gwellbridge.camera;

import java.util.Locale;

/** Why a camera is not streaming, as a code for automations and a sentence for people. */
public enum FailureReason {
    AUTH("The P2P server rejected the camera's credentials; new ones will be requested from Wyze."),
    DEVICE_NOT_FOUND("The P2P server does not list this camera for the account."),
    CAMERA_UNREACHABLE("The camera did not answer. Check that it is powered and on the same LAN."),
    RELAY_ONLY("The camera offers no LAN path (relay only); this model may not stream over GWell P2P."),
    SERVER_UNREACHABLE("No Wyze P2P server answered. Check the internet connection."),
    STREAM_STALLED("The camera stopped sending video."),
    NO_LAN_IP("The camera's LAN IP is unknown; pin it in the camera's settings."),
    RATE_LIMITED("Too many requests; waiting before trying again."),
    CLOUD("The Wyze cloud could not provide credentials for this camera."),
    MEDIA("The video pipeline (ffmpeg) failed."),
    INTERNAL("An unexpected error occurred; see the log.");

    private final String message;

    FailureReason(String message) {
        this.message = message;
    }

    /** The snake_case code, e.g. {@code camera_unreachable}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A plain-English explanation. */
    public String message() {
        return message;
    }
}
