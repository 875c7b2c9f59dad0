package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.RelayEntry;
import dev.gwellbridge.wire.SessionSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relay activation (GWELL-PROTOCOL.md §11.4), running in the background from MTP_RES_REQUEST on:
 *
 * <ul>
 *   <li>10 SessionSocket rounds 400 ms apart (sub 2 in the third): with relays listed, to every LAN
 *       candidate, the server and every relay, carrying the first four relay ports; without, to the
 *       server only (the fork);
 *   <li>with relays listed, one UDP relay registration to each relay;
 *   <li>a TCP relay: rounds of parallel connects to every TCP-capable relay and the server (first
 *       round after 200 ms; without relays at once, as the fork does), up to 30 rounds 1 s apart;
 *       the first connection that succeeds gets a relay registration and wins, the others are
 *       closed. Without listed relays the registration is repeated every 3 s until streaming.
 * </ul>
 *
 * <p>A LAN transport cancels the TCP part. Confined to the session thread.
 */
final class RelayActivation {
    private static final Logger LOG = LoggerFactory.getLogger(RelayActivation.class);

    private final SessionContext ctx;
    private final CameraPath path;
    private final List<Integer> relayPorts = new ArrayList<>();
    private final List<Ipv4Endpoint> tcpTargets = new ArrayList<>();
    private final Map<Integer, Ipv4Endpoint> pending = new LinkedHashMap<>();
    private boolean relaysListed;
    private int socketRound;
    private long nextSocketRound = Long.MAX_VALUE;
    private int tcpRound;
    private long nextTcpRound = Long.MAX_VALUE;
    private int winner = -1;
    private long nextReRegister = Long.MAX_VALUE;
    private boolean cancelled;
    private boolean streaming;

    RelayActivation(SessionContext ctx, CameraPath path) {
        this.ctx = ctx;
        this.path = path;
    }

    /** Starts the three tasks for the relays of the MTP_RES_RESPONSE (possibly none). */
    void start(List<RelayEntry> relays) {
        Set<Ipv4Endpoint> tcpCapable = new LinkedHashSet<>();
        for (RelayEntry r : relays) {
            if (path.addRelay(r.endpoint()) && relayPorts.size() < SessionSocket.MAX_PORTS) {
                relayPorts.add(r.endpoint().port());
            }
            if (r.tcp() && !r.endpoint().ip().isAny() && r.endpoint().port() != 0) {
                tcpCapable.add(r.endpoint());
            }
        }
        relaysListed = !path.relays().isEmpty();
        tcpTargets.addAll(tcpCapable);
        if (!tcpTargets.contains(ctx.server)) {
            tcpTargets.add(ctx.server);
        }
        nextSocketRound = ctx.now;
        if (relaysListed) {
            byte[] registration = ctx.relayRegistration();
            for (Ipv4Endpoint relay : path.relays()) {
                ctx.send(relay, registration.clone());
            }
            nextTcpRound = ctx.now + Timeouts.TCP_RELAY_FIRST;
        } else {
            nextTcpRound = ctx.now;
        }
        onTick();
    }

    /** Whether a TCP relay connection is up. */
    boolean tcpReady() {
        return winner >= 0;
    }

    /** Whether a TCP relay may still come: connecting now, or rounds left. */
    boolean tcpPossible() {
        return !cancelled && (winner >= 0 || !pending.isEmpty() || nextTcpRound != Long.MAX_VALUE);
    }

    /** The LAN was chosen: no TCP relay is needed (§11.5 item 1). */
    void cancelTcp() {
        cancelled = true;
        nextTcpRound = Long.MAX_VALUE;
        nextReRegister = Long.MAX_VALUE;
        for (int id : pending.keySet()) {
            ctx.closeTcp(id);
        }
        pending.clear();
        if (winner >= 0) {
            ctx.closeTcp(winner);
            winner = -1;
            path.useTcp(-1);
        }
    }

    /** Streaming started: the fallback re-registration stops. */
    void streamingStarted() {
        streaming = true;
        nextReRegister = Long.MAX_VALUE;
    }

    /** Closes every TCP connection (the session ended). */
    void closeAll() {
        cancelTcp();
        nextSocketRound = Long.MAX_VALUE;
    }

    boolean isWinner(int id) {
        return id == winner;
    }

    void onTcpConnected(int id) {
        if (pending.remove(id) == null) {
            return;
        }
        if (cancelled || winner >= 0) {
            ctx.closeTcp(id);
            return;
        }
        winner = id;
        ctx.sendTcp(id, ctx.relayRegistration());
        path.useTcp(id);
        LOG.info("Camera {}: TCP relay ready", ctx.label);
        for (int other : pending.keySet()) {
            ctx.closeTcp(other);
        }
        pending.clear();
        nextTcpRound = Long.MAX_VALUE;
        if (!relaysListed && !streaming) {
            nextReRegister = ctx.now + Timeouts.TCP_REREGISTER;
        }
    }

    void onTcpFailed(int id) {
        if (pending.remove(id) != null && pending.isEmpty() && winner < 0) {
            scheduleRound();
        }
    }

    void onTcpClosed(int id) {
        pending.remove(id);
        if (id == winner) {
            winner = -1;
            path.useTcp(-1);
            nextReRegister = Long.MAX_VALUE;
            LOG.info("Camera {}: TCP relay closed", ctx.label);
            scheduleRound();
        }
    }

    private void scheduleRound() {
        if (!cancelled && tcpRound < Timeouts.TCP_RELAY_ROUNDS) {
            nextTcpRound = ctx.now + Timeouts.TCP_RELAY_INTERVAL;
        } else {
            nextTcpRound = Long.MAX_VALUE;
        }
    }

    void onTick() {
        long now = ctx.now;
        if (now >= nextSocketRound) {
            sessionSocketRound();
        }
        if (now >= nextTcpRound && !cancelled) {
            nextTcpRound = Long.MAX_VALUE;
            tcpRound++;
            for (Ipv4Endpoint target : tcpTargets) {
                pending.put(ctx.connectTcp(target), target);
            }
        }
        if (now >= nextReRegister && winner >= 0) {
            ctx.sendTcp(winner, ctx.relayRegistration());
            nextReRegister = now + Timeouts.TCP_REREGISTER;
        }
    }

    private void sessionSocketRound() {
        int sub = socketRound == 2 ? SessionSocket.SUB_ACTIVATE_ROUND3 : SessionSocket.SUB_ACTIVATE;
        SessionSocket frame = SessionSocket.of(ctx.routingId, ctx.cameraTid, ctx.linkId, sub, relayPorts);
        List<Ipv4Endpoint> targets = new ArrayList<>();
        if (relaysListed) {
            targets.addAll(path.lanCandidates());
        }
        targets.add(ctx.server);
        if (relaysListed) {
            targets.addAll(path.relays());
        }
        for (Ipv4Endpoint t : new LinkedHashSet<>(targets)) {
            ctx.sendGutes(t, frame);
        }
        socketRound++;
        nextSocketRound = socketRound < Timeouts.SESSION_SOCKET_ROUNDS
                ? nextSocketRound + Timeouts.SESSION_SOCKET_INTERVAL
                : Long.MAX_VALUE;
    }

    long nextWakeup() {
        long next = Math.min(nextSocketRound, cancelled ? Long.MAX_VALUE : nextTcpRound);
        return winner >= 0 ? Math.min(next, nextReRegister) : next;
    }
}
