package dev.gwellbridge.camera;

import java.time.Instant;

/** Something that happened to a camera, published once (not retained). */
public sealed interface CameraEvent {

    /** When it happened. */
    Instant at();

    /** The snake_case event type published on MQTT, e.g. {@code stream_started}. */
    String type();

    record StreamStarted(Instant at, Transport transport) implements CameraEvent {
        @Override
        public String type() {
            return "stream_started";
        }
    }

    record StreamStopped(Instant at, String cause) implements CameraEvent {
        @Override
        public String type() {
            return "stream_stopped";
        }
    }

    record StreamFailed(Instant at, FailureReason reason, String detail) implements CameraEvent {
        @Override
        public String type() {
            return "stream_failed";
        }
    }

    record WentOffline(Instant at, FailureReason reason) implements CameraEvent {
        @Override
        public String type() {
            return "went_offline";
        }
    }

    record CameOnline(Instant at) implements CameraEvent {
        @Override
        public String type() {
            return "came_online";
        }
    }

    /**
     * A command could not be carried out.
     *
     * @param command the command's name ({@code stream}, {@code restart}, {@code snapshot}, {@code
     *     quality})
     * @param reason a snake_case reason, e.g. {@code rate_limited}
     */
    record CommandFailed(Instant at, String command, String reason) implements CameraEvent {
        @Override
        public String type() {
            return "command_failed";
        }
    }
}
