package dev.gwellbridge.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttPort} on Paho's synchronous MQTT 3.1.1 client with in-memory persistence (the default
 * persistence writes files into the working directory). A new client is made per connection
 * attempt; Paho's automatic reconnect stays off because the bridge runs its own jittered loop and
 * must resubscribe and republish in order anyway.
 *
 * <p>Confined to the bridge's {@code mqtt} thread; the callbacks run on Paho's thread and only hand
 * over to the listener.
 */
public final class PahoMqttPort implements MqttPort {
    private static final Logger LOG = LoggerFactory.getLogger(PahoMqttPort.class);
    private static final int MAX_INFLIGHT = 100;
    private static final long DISCONNECT_QUIESCE_MS = 500;

    private MqttClient client;

    @Override
    public void connect(ConnectSpec spec, Listener listener) throws MqttPortException {
        disconnect();
        String host = spec.host().indexOf(':') >= 0 ? "[" + spec.host() + "]" : spec.host();
        String uri = "tcp://" + host + ":" + spec.port();
        MqttClient c;
        try {
            c = new MqttClient(uri, spec.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new MqttPortException("bad broker address " + uri + ": " + e.getMessage(), e);
        }
        c.setTimeToWait(spec.timeout().toMillis());
        c.setCallback(new Callback(listener));
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval((int) spec.keepAlive().toSeconds());
        o.setConnectionTimeout((int) Math.max(1, spec.timeout().toSeconds()));
        o.setMaxInflight(MAX_INFLIGHT);
        if (!spec.username().isEmpty()) {
            o.setUserName(spec.username());
            o.setPassword(spec.password().toCharArray());
        }
        o.setWill(spec.willTopic(), spec.willPayload().getBytes(StandardCharsets.UTF_8), 1, true);
        try {
            c.connect(o);
        } catch (MqttException e) {
            closeQuietly(c);
            throw new MqttPortException(describe(e), e);
        }
        client = c;
    }

    @Override
    public void subscribe(List<String> filters, int qos) throws MqttPortException {
        MqttClient c = connected();
        int[] qoses = new int[filters.size()];
        Arrays.fill(qoses, qos);
        try {
            c.subscribe(filters.toArray(String[]::new), qoses);
        } catch (MqttException e) {
            throw new MqttPortException("subscribe failed: " + describe(e), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttPortException {
        MqttClient c = connected();
        try {
            c.publish(topic, payload, qos, retain);
        } catch (MqttException e) {
            throw new MqttPortException("publish to " + topic + " failed: " + describe(e), e);
        }
    }

    @Override
    public void disconnect() {
        MqttClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(DISCONNECT_QUIESCE_MS);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT disconnect failed, closing forcibly: {}", e.getMessage());
            try {
                c.disconnectForcibly(0, DISCONNECT_QUIESCE_MS);
            } catch (MqttException ignored) {
                LOG.trace("forced disconnect failed", ignored);
            }
        }
        closeQuietly(c);
    }

    private MqttClient connected() throws MqttPortException {
        MqttClient c = client;
        if (c == null || !c.isConnected()) {
            throw new MqttPortException("not connected", null);
        }
        return c;
    }

    private static void closeQuietly(MqttClient c) {
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.trace("closing the MQTT client failed", e);
        }
    }

    private static String describe(MqttException e) {
        String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
        return e.getMessage() + cause;
    }

    /** Paho's callback: hands over and returns; an exception here would make Paho drop the connection. */
    private static final class Callback implements MqttCallback {
        private final Listener listener;

        Callback(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void connectionLost(Throwable cause) {
            try {
                listener.onConnectionLost(cause == null ? "connection lost" : String.valueOf(cause.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("MQTT connection-lost handler failed", e);
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                listener.onMessage(topic, message.getPayload(), message.isRetained());
            } catch (RuntimeException e) {
                LOG.error("MQTT message handler failed for {}", topic, e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Synchronous publishes already waited for the acknowledgement.
        }
    }
}
