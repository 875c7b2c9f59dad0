package dev.gwellbridge.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A separate Paho client that plays Home Assistant / Node-RED in integration tests: it records
 * every message it receives and publishes commands.
 */
public final class MqttProbe implements AutoCloseable {

    /** A received message. */
    public static final class Message {
        private final String topic;
        private final byte[] payload;
        private final boolean retained;

        Message(String topic, byte[] payload, boolean retained) {
            this.topic = topic;
            this.payload = payload.clone();
            this.retained = retained;
        }

        public String topic() {
            return topic;
        }

        public byte[] payload() {
            return payload.clone();
        }

        public boolean retained() {
            return retained;
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    public MqttProbe(int port) throws MqttException {
        client = new MqttClient(
                "tcp://127.0.0.1:" + port,
                "probe-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                messages.add(new Message(topic, message.getPayload(), message.isRetained()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        client.connect(o);
    }

    public MqttProbe subscribe(String... filters) throws MqttException {
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, 1);
        client.subscribe(filters, qos);
        return this;
    }

    public void publish(String topic, String payload, boolean retained) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** The texts received on a topic, in order. */
    public List<String> texts(String topic) {
        return on(topic).stream().map(Message::text).toList();
    }

    public boolean has(String topic, Predicate<Message> p) {
        return on(topic).stream().anyMatch(p);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(500);
            }
            client.close(true);
        } catch (MqttException e) {
            // best effort in test teardown
        }
    }
}
