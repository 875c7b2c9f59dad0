package dev.gwellbridge.ha;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One MQTT message to send: topic, payload, retain flag and QoS. Immutable; an empty payload with
 * retain set clears a retained message on the broker.
 */
public final class Publication {
    private final String topic;
    private final byte[] payload;
    private final boolean retain;
    private final int qos;

    public Publication(String topic, byte[] payload, boolean retain, int qos) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.payload = payload.clone();
        this.retain = retain;
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2");
        }
        this.qos = qos;
    }

    /** A UTF-8 text payload. */
    public static Publication text(String topic, String payload, boolean retain, int qos) {
        return new Publication(topic, payload.getBytes(StandardCharsets.UTF_8), retain, qos);
    }

    /** An empty retained payload, which deletes the retained message of {@code topic}. */
    public static Publication clear(String topic, int qos) {
        return new Publication(topic, new byte[0], true, qos);
    }

    public String topic() {
        return topic;
    }

    /** A copy of the payload bytes. */
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    /** The payload as UTF-8 text (for text and JSON payloads). */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public boolean retain() {
        return retain;
    }

    public int qos() {
        return qos;
    }

    /** Whether this publication has the same payload as another (for publish-on-change). */
    public boolean samePayload(Publication other) {
        return Arrays.equals(payload, other.payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Publication p
                && topic.equals(p.topic)
                && retain == p.retain
                && qos == p.qos
                && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, retain, qos, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        String shown = payload.length > 120 ? payload.length + " bytes" : text();
        return "Publication[" + topic + " retain=" + retain + " qos=" + qos + " " + shown + "]";
    }
}
