package dev.gwellbridge.camera;

import java.time.Duration;

/** The plain-English sentence that goes with a camera's status and reason. */
final class StatusText {
    private static final int MAX_DETAIL = 160;

    private StatusText() {}

    /** What the camera is doing, in facts the worker knows. */
    record Facts(
            CameraStatus status,
            FailureReason reason,
            String detail,
            boolean streamOn,
            StreamMode mode,
            boolean waitingForTurn,
            Transport transport,
            Duration retryDelay,
            int failures) {}

    static String of(Facts f) {
        return switch (f.status()) {
            case DISABLED -> "The camera is switched off in the add-on options.";
            case IDLE -> idle(f);
            case STARTING ->
                f.waitingForTurn() ? "Waiting for its turn to set up a session." : "Setting up the session.";
            case STREAMING ->
                "Streaming over " + (f.transport().kind().equals("lan") ? "the LAN" : "a relay") + " ("
                        + f.transport().wire() + ").";
            case RECONNECTING -> "Reconnecting" + (f.reason() == null ? "." : " after: " + because(f));
            case BACKOFF -> because(f) + next(f);
            case ERROR ->
                because(f) + " Failed " + f.failures() + " times in a row; retrying every "
                        + human(BackoffPolicy.ERROR_RETRY) + ".";
            case OFFLINE ->
                f.reason() == null
                        ? "Wyze reports the camera offline."
                        : because(f) + (f.retryDelay() == null ? "" : next(f));
        };
    }

    /** {@code 45 s}, {@code 2 min}, {@code 2 min 30 s}. */
    static String human(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        return s % 60 == 0 ? (s / 60) + " min" : (s / 60) + " min " + (s % 60) + " s";
    }

    private static String idle(Facts f) {
        if (!f.streamOn()) {
            return "The stream is switched off.";
        }
        return f.mode() == StreamMode.ON_DEMAND ? "Waiting for a viewer." : "Idle.";
    }

    private static String because(Facts f) {
        String d = f.detail() == null ? "" : f.detail().strip();
        if (d.length() > MAX_DETAIL) {
            d = d.substring(0, MAX_DETAIL) + "…";
        }
        return f.reason().message() + (d.isEmpty() ? "" : " (" + d + ")");
    }

    private static String next(Facts f) {
        return f.retryDelay() == null ? "" : " Next attempt in " + human(f.retryDelay()) + ".";
    }
}
