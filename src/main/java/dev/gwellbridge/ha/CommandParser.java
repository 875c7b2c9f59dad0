package dev.gwellbridge.ha;

import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.Quality;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns messages on the subscribed topics into {@link Inbound} values. Pure and thread-safe, so it
 * can run on the MQTT client's callback thread. Command topics accept the camera's slug or its MAC.
 */
public final class CommandParser {
    /** Words accepted on {@code stream/set}, compared case-insensitively. */
    static final Map<String, Boolean> STREAM_WORDS = Map.of(
            "on", true,
            "start", true,
            "true", true,
            "1", true,
            "off", false,
            "stop", false,
            "false", false,
            "0", false);

    /** One reader per command topic: payload text (trimmed) to a command, empty when invalid. */
    private static final Map<CameraTopic, Function<String, Optional<CameraCommand>>> READERS = Map.of(
            CameraTopic.STREAM_SET,
            p -> Optional.ofNullable(STREAM_WORDS.get(p.toLowerCase(Locale.ROOT)))
                    .map(on -> on ? new CameraCommand.Start() : new CameraCommand.Stop()),
            CameraTopic.RESTART_SET,
            p -> Optional.of(new CameraCommand.Restart("force".equalsIgnoreCase(p))),
            CameraTopic.SNAPSHOT_SET,
            p -> Optional.of(new CameraCommand.Snapshot("wake".equalsIgnoreCase(p))),
            CameraTopic.QUALITY_SET,
            p -> Quality.parse(p).map(CameraCommand.SetQuality::new));

    /** What a valid payload looks like, for the message of a refused command. */
    private static final Map<CameraTopic, String> EXPECTED = Map.of(
            CameraTopic.STREAM_SET, "ON or OFF (also start, stop, on, off, true, false, 1, 0)",
            CameraTopic.QUALITY_SET, "hd or sd");

    private static final Map<String, CameraTopic> BY_PATH = new HashMap<>();

    static {
        for (CameraTopic t : CameraTopic.commands()) {
            BY_PATH.put(t.path(), t);
        }
    }

    private final Topics topics;

    public CommandParser(Topics topics) {
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /** Parses one message; never throws. */
    public Inbound parse(String topic, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (topic.equals(topics.haStatus())) {
            return text.isEmpty()
                    ? new Inbound.Ignored(topic, "empty payload")
                    : new Inbound.HaStatus(topic, text.equalsIgnoreCase("online"));
        }
        String requestPrefix = topics.bridgeRequestPrefix();
        if (topic.startsWith(requestPrefix)) {
            return bridgeRequest(topic, topic.substring(requestPrefix.length()), payload, text);
        }
        String basePrefix = topics.base() + "/";
        if (!topic.startsWith(basePrefix)) {
            return new Inbound.Ignored(topic, "not a bridge topic");
        }
        String rest = topic.substring(basePrefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return new Inbound.Ignored(topic, "not a command topic");
        }
        String camera = rest.substring(0, slash);
        CameraTopic command = BY_PATH.get(rest.substring(slash + 1));
        if (command == null || camera.equals(Topics.BRIDGE)) {
            return new Inbound.Ignored(topic, "not a command topic");
        }
        if (text.isEmpty()) {
            // An empty payload is how retained messages are cleared, never a command.
            return new Inbound.Ignored(topic, "empty payload");
        }
        Optional<CameraCommand> parsed = READERS.get(command).apply(text);
        if (parsed.isEmpty()) {
            return new Inbound.BadCameraRequest(
                    topic,
                    camera,
                    commandName(command),
                    "invalid_payload",
                    "Expected " + EXPECTED.getOrDefault(command, "a command") + ", got '" + abbreviate(text) + "'.");
        }
        return new Inbound.CameraRequest(topic, camera, parsed.get());
    }

    private static Inbound bridgeRequest(String topic, String name, byte[] payload, String text) {
        if (name.isEmpty() || name.contains("/")) {
            return new Inbound.Ignored(topic, "not a request topic");
        }
        if (text.isEmpty()) {
            return new Inbound.Ignored(topic, "empty payload");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String transaction = null;
        if (text.startsWith("{")) {
            Optional<Map<String, Object>> body = HaJson.readObject(payload);
            if (body.isPresent()) {
                params.putAll(body.get());
                params.values().removeIf(Objects::isNull);
                Object tx = params.remove("transaction");
                transaction = tx instanceof String || tx instanceof Number ? tx.toString() : null;
            }
        }
        return new Inbound.BridgeRequest(topic, name, BridgeAction.parse(name).orElse(null), transaction, params);
    }

    /** The command's name as {@code command_failed} events give it: the topic's first level. */
    static String commandName(CameraTopic command) {
        String path = command.path();
        return path.substring(0, path.indexOf('/'));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
