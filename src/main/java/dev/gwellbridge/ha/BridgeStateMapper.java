package dev.gwellbridge.ha;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.MqttStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bridge's own topics: {@code bridge/availability}, {@code bridge/state} and the health JSON
 * answered to {@code health_check}. Pure.
 */
public final class BridgeStateMapper {
    private final Topics topics;

    public BridgeStateMapper(Topics topics) {
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /** {@code online} or {@code offline}, retained, QoS 1 (the LWT carries the same offline). */
    public Publication availability(boolean online) {
        return Publication.text(topics.bridgeAvailability(), online ? "online" : "offline", true, 1);
    }

    /** {@code bridge/state}: version, uptime, handshake queue, cloud summary and camera counts. */
    public Publication state(BridgeStatus status, Instant now) {
        return new Publication(topics.bridgeState(), HaJson.bytes(stateBody(status, now)), true, 1);
    }

    /** The state body, for comparing two states while ignoring the ticking uptime. */
    static Map<String, Object> stateBody(BridgeStatus status, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", status.version());
        m.put("uptime_s", uptimeSeconds(status, now));
        m.put("handshake_queue", status.handshakeQueue());
        CloudStatus cloud = status.cloud() == null ? CloudStatus.notConfigured() : status.cloud();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("auth", cloud.auth());
        c.put("backoff_until", cloud.backoff().map(EventMapper::timestamp).orElse(null));
        c.put("calls_last_hour", cloud.callsLastHour());
        m.put("cloud", c);
        m.put("cameras", counts(status.cameras()));
        return m;
    }

    /** Whether two statuses give the same {@code bridge/state} apart from the uptime. */
    public static boolean sameState(BridgeStatus a, BridgeStatus b) {
        Instant at = Instant.EPOCH;
        Map<String, Object> x = stateBody(a, at);
        Map<String, Object> y = stateBody(b, at);
        x.remove("uptime_s");
        y.remove("uptime_s");
        return x.equals(y);
    }

    /** Everything in {@link BridgeStatus} as one JSON object (the watchdog's health JSON). */
    public static Map<String, Object> health(BridgeStatus status, Instant now) {
        Map<String, Object> m = stateBody(status, now);
        m.put("started_at", status.startedAt() == null ? null : EventMapper.timestamp(status.startedAt()));
        @SuppressWarnings("unchecked")
        Map<String, Object> cloud = (Map<String, Object>) m.get("cloud");
        CloudStatus cs = status.cloud() == null ? CloudStatus.notConfigured() : status.cloud();
        cloud.put("message", cs.message());
        cloud.put("credential_source", cs.credentialSource());
        MqttStatus mq = status.mqtt();
        if (mq != null) {
            Map<String, Object> mqtt = new LinkedHashMap<>();
            mqtt.put("enabled", mq.enabled());
            mqtt.put("connected", mq.connected());
            mqtt.put("broker", mq.broker());
            mqtt.put("base_topic", mq.baseTopic());
            mqtt.put("discovery_prefix", mq.discoveryPrefix());
            mqtt.put("message", mq.message());
            m.put("mqtt", mqtt);
        }
        m.put("problems", status.problems());
        return m;
    }

    private static Map<String, Object> counts(BridgeStatus.CameraCounts counts) {
        BridgeStatus.CameraCounts k = counts == null ? new BridgeStatus.CameraCounts(0, 0, 0, 0) : counts;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", k.total());
        m.put("online", k.online());
        m.put("streaming", k.streaming());
        m.put("error", k.error());
        return m;
    }

    private static long uptimeSeconds(BridgeStatus status, Instant now) {
        if (status.startedAt() == null || now.isBefore(status.startedAt())) {
            return 0;
        }
        return Duration.between(status.startedAt(), now).toSeconds();
    }
}
