package dev.gwellbridge.mqtt;

import dev.gwellbridge.camera.MqttStatus;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker connection's life: connect with the last will, subscribe, report success, and after a
 * failure or a lost connection try again with jittered backoff. Each connection attempt has an
 * epoch, so a late "connection lost" from an earlier client is ignored.
 *
 * <p>Confined to the bridge's {@code mqtt} thread, except {@link #status()}.
 */
final class BrokerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    private final MqttSettings settings;
    private final MqttPort port;
    private final Outbox outbox;
    private final MqttScheduler scheduler;
    private final ReconnectBackoff backoff;
    private final ConnectSpec spec;
    private final List<String> subscriptions;

    private MessageSink sink = (topic, payload, retained) -> {};
    private Runnable onConnected = () -> {};
    private volatile MqttStatus status;
    private int epoch;
    private int failedAttempts;
    private boolean closed;
    private MqttScheduler.Cancellable reconnectTask;

    BrokerConnection(
            MqttSettings settings,
            MqttPort port,
            Outbox outbox,
            MqttScheduler scheduler,
            ReconnectBackoff backoff,
            ConnectSpec spec,
            List<String> subscriptions) {
        this.settings = settings;
        this.port = port;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.spec = spec;
        this.subscriptions = List.copyOf(subscriptions);
        this.status = status(false, "Not started.");
        outbox.onFailure(cause -> lost(epoch, "publish failed: " + cause));
    }

    /** Receives messages on the client's thread; must only hand over. */
    @FunctionalInterface
    interface MessageSink {
        void onMessage(String topic, byte[] payload, boolean retained);
    }

    /**
     * Sets what happens on arrival and on connection (before the first {@link #connect()}).
     *
     * @param connected called on the {@code mqtt} thread after each successful (re)subscribe
     */
    void handlers(MessageSink sink, Runnable connected) {
        this.sink = sink;
        this.onConnected = connected;
    }

    MqttStatus status() {
        return status;
    }

    /** One connection attempt; on failure the next one is scheduled. */
    void connect() {
        reconnectTask = null;
        if (closed || outbox.connected()) {
            return;
        }
        int attempt = ++epoch;
        try {
            port.connect(spec, listener(attempt));
        } catch (MqttPortException e) {
            failedAttempts++;
            Duration delay = scheduleReconnect();
            String msg = "Cannot connect to " + settings.broker() + ": " + e.getMessage();
            if (failedAttempts == 1) {
                LOG.warn("{}; retrying in {} ms", msg, delay.toMillis());
            } else {
                LOG.debug("{}; retrying in {} ms (attempt {})", msg, delay.toMillis(), failedAttempts);
            }
            status = status(false, msg + "; retrying.");
            return;
        }
        outbox.connected(true);
        try {
            port.subscribe(subscriptions, 1);
        } catch (MqttPortException e) {
            lost(attempt, "subscribe failed: " + e.getMessage());
            return;
        }
        LOG.info("Connected to MQTT broker {}", settings.broker());
        failedAttempts = 0;
        backoff.reset();
        status = status(true, "Connected.");
        onConnected.run();
    }

    /** Stops reconnecting and disconnects; {@code beforeDisconnect} may still publish. */
    void close(Runnable beforeDisconnect) {
        closed = true;
        if (reconnectTask != null) {
            reconnectTask.cancel();
        }
        if (outbox.connected()) {
            beforeDisconnect.run();
            outbox.connected(false);
            LOG.info("Disconnected from MQTT broker {}", settings.broker());
        }
        port.disconnect();
        status = status(false, "Stopped.");
    }

    private MqttPort.Listener listener(int attempt) {
        MessageSink target = sink;
        return new MqttPort.Listener() {
            @Override
            public void onMessage(String topic, byte[] payload, boolean retained) {
                target.onMessage(topic, payload, retained);
            }

            @Override
            public void onConnectionLost(String cause) {
                scheduler.execute(() -> lost(attempt, cause));
            }
        };
    }

    private void lost(int attempt, String cause) {
        if (attempt != epoch || !outbox.connected()) {
            return;
        }
        outbox.connected(false);
        port.disconnect();
        if (closed) {
            return;
        }
        Duration delay = scheduleReconnect();
        LOG.warn("MQTT connection to {} lost ({}); reconnecting in {} ms", settings.broker(), cause, delay.toMillis());
        status = status(false, "Connection lost (" + cause + "); reconnecting.");
    }

    private Duration scheduleReconnect() {
        Duration delay = backoff.next();
        if (reconnectTask != null) {
            reconnectTask.cancel();
        }
        reconnectTask = scheduler.schedule(this::connect, delay);
        return delay;
    }

    private MqttStatus status(boolean connected, String message) {
        return new MqttStatus(
                true, connected, settings.broker(), settings.baseTopic(), settings.discoveryPrefix(), message);
    }
}
