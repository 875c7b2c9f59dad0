package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Rc5x32;
import java.net.InetSocketAddress;

/**
 * A certified client at the simulated server, keyed by its UDP address (the client keeps one local
 * port for the whole session, GWELL-PROTOCOL.md §11.3). Confined to the loop thread.
 */
final class ServerSession {
    private final InetSocketAddress client;
    private final SimAccount account;
    private final Rc5x32 sessionKey;
    private final long routingId;
    private long lastStreamingHeartbeat = -1;
    private boolean kcpReported;
    private long teardownAt = Long.MAX_VALUE;

    ServerSession(InetSocketAddress client, SimAccount account, Rc5x32 sessionKey, long routingId) {
        this.client = client;
        this.account = account;
        this.sessionKey = sessionKey;
        this.routingId = routingId;
    }

    InetSocketAddress client() {
        return client;
    }

    SimAccount account() {
        return account;
    }

    Rc5x32 sessionKey() {
        return sessionKey;
    }

    long routingId() {
        return routingId;
    }

    /**
     * A heartbeat seen at {@code now}; returns the gap to the previous one when both came while
     * streaming, else -1.
     */
    long heartbeat(long now, boolean streaming) {
        long gap = streaming && lastStreamingHeartbeat >= 0 ? now - lastStreamingHeartbeat : -1;
        lastStreamingHeartbeat = streaming ? now : -1;
        return gap;
    }

    /** Marks KCP seen from this client; true the first time. */
    boolean kcpSeen() {
        boolean first = !kcpReported;
        kcpReported = true;
        return first;
    }

    long teardownAt() {
        return teardownAt;
    }

    void scheduleTeardown(long at) {
        teardownAt = Math.min(teardownAt, at);
    }
}
