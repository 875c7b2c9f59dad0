package dev.gwellbridge.mqtt;

import dev.gwellbridge.ha.Publication;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link MqttPort} that records what the bridge does and lets a test play the broker. */
final class FakeMqttPort implements MqttPort {
    /** One call, in order: {@code connect}, {@code subscribe}, {@code publish}, {@code disconnect}. */
    record Call(String kind, Publication publication, List<String> filters) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<ConnectSpec> connects = new ArrayList<>();
    private final List<Instant> connectTimes = new ArrayList<>();
    private final InstantSource clock;
    private Listener listener;
    private boolean connected;
    private int refuseConnects;
    private int failPublishesAfter = -1;

    FakeMqttPort(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public void connect(ConnectSpec spec, Listener l) throws MqttPortException {
        connects.add(spec);
        connectTimes.add(clock.instant());
        calls.add(new Call("connect", null, List.of()));
        if (refuseConnects > 0) {
            refuseConnects--;
            throw new MqttPortException("Connection refused", null);
        }
        this.listener = l;
        this.connected = true;
    }

    @Override
    public void subscribe(List<String> filters, int qos) throws MqttPortException {
        requireConnected();
        calls.add(new Call("subscribe", null, List.copyOf(filters)));
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttPortException {
        requireConnected();
        if (failPublishesAfter == 0) {
            failPublishesAfter = -1;
            connected = false;
            throw new MqttPortException("Connection lost", null);
        }
        if (failPublishesAfter > 0) {
            failPublishesAfter--;
        }
        calls.add(new Call("publish", new Publication(topic, payload, retain, qos), List.of()));
    }

    @Override
    public void disconnect() {
        if (connected) {
            calls.add(new Call("disconnect", null, List.of()));
        }
        connected = false;
    }

    private void requireConnected() throws MqttPortException {
        if (!connected) {
            throw new MqttPortException("not connected", null);
        }
    }

    // Test controls.

    void refuseNextConnects(int n) {
        refuseConnects = n;
    }

    /** The n+1-th publish from now fails as if the connection dropped. */
    void failPublishAfter(int n) {
        failPublishesAfter = n;
    }

    /** The broker delivers a message (as Paho's callback thread would). */
    void deliver(String topic, String payload, boolean retained) {
        listener.onMessage(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), retained);
    }

    /** The TCP connection breaks. */
    void dropConnection() {
        connected = false;
        listener.onConnectionLost("Connection lost");
    }

    boolean connected() {
        return connected;
    }

    List<ConnectSpec> connects() {
        return List.copyOf(connects);
    }

    /** When each connect attempt happened. */
    List<Instant> connectTimes() {
        return List.copyOf(connectTimes);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Publication> published() {
        return calls.stream()
                .filter(c -> c.kind().equals("publish"))
                .map(Call::publication)
                .toList();
    }

    List<Publication> published(String topic) {
        return published().stream().filter(p -> p.topic().equals(topic)).toList();
    }

    void clear() {
        calls.clear();
    }
}
