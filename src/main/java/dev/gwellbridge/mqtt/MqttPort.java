package dev.gwellbridge.mqtt;

import java.util.List;

/**
 * The few MQTT client operations the bridge needs, so its logic can be tested against a fake.
 * Every method is called on the bridge's {@code mqtt} thread only. The listener is called on the
 * client's own thread and must not block.
 */
public interface MqttPort {

    /** Connects with a clean session and the given last will; blocks up to the spec's timeout. */
    void connect(ConnectSpec spec, Listener listener) throws MqttPortException;

    /** Subscribes to the filters with one QoS; blocks until the broker acknowledged. */
    void subscribe(List<String> filters, int qos) throws MqttPortException;

    /** Publishes one message; for QoS 1 blocks until the broker acknowledged. */
    void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttPortException;

    /** Disconnects politely if connected and releases the client; never throws, idempotent. */
    void disconnect();

    /** What the client reports. */
    interface Listener {

        /** A message arrived; {@code retained} when the broker delivered a stored retained message. */
        void onMessage(String topic, byte[] payload, boolean retained);

        /** The connection dropped (not called after {@link #disconnect()}). */
        void onConnectionLost(String cause);
    }
}
