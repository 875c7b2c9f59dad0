package dev.gwellbridge.ha;

import dev.gwellbridge.camera.CameraCommand;
import java.util.Map;
import java.util.Optional;

/** A message that arrived on a subscribed topic, parsed. */
public sealed interface Inbound {

    /** The topic it arrived on. */
    String topic();

    /**
     * A valid command for one camera.
     *
     * @param camera the slug or MAC as given in the topic
     */
    record CameraRequest(String topic, String camera, CameraCommand command) implements Inbound {}

    /**
     * A command for one camera that cannot be carried out as sent (e.g. {@code quality/set} with
     * {@code 4k}).
     *
     * @param command the command's name ({@code stream}, {@code quality}...)
     * @param reason snake_case, e.g. {@code invalid_payload}
     */
    record BadCameraRequest(String topic, String camera, String command, String reason, String message)
            implements Inbound {}

    /**
     * A request to the bridge.
     *
     * @param name the action as it appeared in the topic
     * @param action the known action, or null when {@code name} is not one
     * @param transaction the {@code transaction} of a JSON body, or null
     * @param params the other fields of a JSON body
     */
    record BridgeRequest(String topic, String name, BridgeAction action, String transaction, Map<String, Object> params)
            implements Inbound {
        public BridgeRequest {
            params = Map.copyOf(params);
        }

        public Optional<BridgeAction> known() {
            return Optional.ofNullable(action);
        }
    }

    /** Home Assistant's birth ({@code online}) or last will ({@code offline}). */
    record HaStatus(String topic, boolean online) implements Inbound {}

    /** Nothing to do (an unrelated topic, or an empty payload that clears a retained message). */
    record Ignored(String topic, String why) implements Inbound {}
}
