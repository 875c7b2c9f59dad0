package dev.gwellbridge.mqtt;

import dev.gwellbridge.ha.Publication;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends publications through the port while connected and remembers what each retained state topic
 * last carried, so unchanged state is not sent again. A failed publish reports the connection as
 * lost; until the next connection everything is dropped, because the reconnect republishes the
 * current state anyway.
 *
 * <p>Confined to the bridge's {@code mqtt} thread.
 */
final class Outbox {
    private final MqttPort port;
    private final Map<String, Publication> last = new HashMap<>();
    private Consumer<String> onFailure = cause -> {};
    private boolean connected;

    Outbox(MqttPort port) {
        this.port = port;
    }

    void onFailure(Consumer<String> handler) {
        this.onFailure = handler;
    }

    boolean connected() {
        return connected;
    }

    void connected(boolean value) {
        connected = value;
    }

    /** Forgets what was sent, so the next {@link #sendChanged} calls send everything again. */
    void reset() {
        last.clear();
    }

    /** Forgets one topic (after clearing it). */
    void forget(String topic) {
        last.remove(topic);
    }

    /** Sends unconditionally; false when not connected or the publish failed. */
    boolean send(Publication p) {
        if (!connected) {
            return false;
        }
        try {
            port.publish(p.topic(), p.payload(), p.qos(), p.retain());
            return true;
        } catch (MqttPortException e) {
            onFailure.accept(e.getMessage());
            return false;
        }
    }

    /** Sends only when the payload differs from the last one sent to that topic. */
    boolean sendChanged(Publication p) {
        if (!connected) {
            return false;
        }
        Publication prev = last.get(p.topic());
        if (prev != null && prev.samePayload(p)) {
            return true;
        }
        if (send(p)) {
            last.put(p.topic(), p);
            return true;
        }
        return false;
    }
}
