package dev.gwellbridge.ha;

import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.FailureReason;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Camera events as {@code <base>/<cam>/event} messages (not retained, QoS 1): {@code
 * {"event_type":"...","ts":"2026-01-02T03:04:05Z", ...}} with the extra fields of each type taken
 * from a lookup table.
 */
public final class EventMapper {
    private static final Map<Class<? extends CameraEvent>, Function<CameraEvent, Map<String, Object>>> EXTRA = Map.of(
            CameraEvent.StreamStarted.class,
            e -> fields("transport", ((CameraEvent.StreamStarted) e).transport().kind()),
            CameraEvent.StreamStopped.class,
            e -> fields("cause", ((CameraEvent.StreamStopped) e).cause()),
            CameraEvent.StreamFailed.class,
            e -> fields(
                    "reason",
                    code(((CameraEvent.StreamFailed) e).reason()),
                    "detail",
                    ((CameraEvent.StreamFailed) e).detail()),
            CameraEvent.WentOffline.class,
            e -> fields("reason", code(((CameraEvent.WentOffline) e).reason())),
            CameraEvent.CameOnline.class,
            e -> Map.of(),
            CameraEvent.CommandFailed.class,
            e -> fields(
                    "command",
                    ((CameraEvent.CommandFailed) e).command(),
                    "reason",
                    ((CameraEvent.CommandFailed) e).reason()));

    private final Topics topics;

    public EventMapper(Topics topics) {
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /** The event message of one camera. */
    public Publication event(String slug, CameraEvent event) {
        CameraTopic t = CameraTopic.EVENT;
        return new Publication(topics.camera(slug, t), HaJson.bytes(body(event)), t.retained(), t.qos());
    }

    /**
     * A bridge-level event ({@code <base>/bridge/event}, not retained, QoS 1).
     *
     * @param extra further fields; {@code event_type} and {@code ts} are set here
     */
    public Publication bridgeEvent(String type, Instant at, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>(extra);
        m.put("event_type", type);
        m.put("ts", timestamp(at));
        return new Publication(topics.bridgeEvent(), HaJson.bytes(m), false, 1);
    }

    static Map<String, Object> body(CameraEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_type", event.type());
        m.put("ts", timestamp(event.at()));
        Function<CameraEvent, Map<String, Object>> extra = EXTRA.get(event.getClass());
        if (extra != null) {
            m.putAll(extra.apply(event));
        }
        return m;
    }

    /** ISO-8601 UTC to the second, e.g. {@code 2026-01-02T03:04:05Z}. */
    public static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String code(FailureReason reason) {
        return reason == null ? null : reason.code();
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
