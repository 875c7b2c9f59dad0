package dev.gwellbridge.camera;

/** What a user (MQTT, page) asks of one camera. */
public sealed interface CameraCommand {

    /** The command's name as used in {@code command_failed} events. */
    String name();

    /** Turn the stream switch on (intent, persisted). */
    record Start() implements CameraCommand {
        @Override
        public String name() {
            return "stream";
        }
    }

    /** Turn the stream switch off (intent, persisted); close the session. */
    record Stop() implements CameraCommand {
        @Override
        public String name() {
            return "stream";
        }
    }

    /** Tear down and re-queue the session; refused in backoff unless forced. */
    record Restart(boolean force) implements CameraCommand {
        @Override
        public String name() {
            return "restart";
        }
    }

    /** Take a snapshot from the running stream; start a session for it only if {@code wake}. */
    record Snapshot(boolean wake) implements CameraCommand {
        @Override
        public String name() {
            return "snapshot";
        }
    }

    /** Persist a quality and restart the session with it. */
    record SetQuality(Quality quality) implements CameraCommand {
        @Override
        public String name() {
            return "quality";
        }
    }

    /** Pin (or, with an empty string, unpin) the camera's LAN IP. */
    record PinLanIp(String lanIp) implements CameraCommand {
        @Override
        public String name() {
            return "lan_ip";
        }
    }
}
