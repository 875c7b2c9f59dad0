package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.SessionSocket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 7c, streaming (GWELL-PROTOCOL.md §11.6 item 8). Video is handled by the camera traffic as it
 * arrives; this phase keeps the call alive:
 *
 * <table>
 *   <caption>Timers, from the start of streaming</caption>
 *   <tr><th>Every</th><th>What</th><th>Where</th></tr>
 *   <tr><td>2 s</td><td>own meter request, round 1, 2, …</td><td>camera path</td></tr>
 *   <tr><td>10 s</td><td>SessionSocket sub 3 ("online")</td><td>the server, never the camera</td></tr>
 *   <tr><td>40 s</td><td>Heartbeat</td><td>server</td></tr>
 *   <tr><td>15 s</td><td>fork: INITREQ renewal through the CTRL engine</td><td>camera path</td></tr>
 *   <tr><td>10 s</td><td>fork, with UDP relays: registration; SessionSocket sub 1 with ports</td>
 *       <td>relays; server</td></tr>
 *   <tr><td>30 s</td><td>statistics</td><td>—</td></tr>
 * </table>
 *
 * <p>These are the stability fixes of the field notes: the camera drops a session after ~119 s
 * without meter probes; the keepalive belongs to the server; a 5 s heartbeat was needless traffic.
 * With a stall timeout set, no H.264 for that long ends the session as {@code stream_stalled}.
 */
final class StreamingPhase extends Phase {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingPhase.class);

    private final List<Every> timers = new ArrayList<>();
    private Every meter;
    private Every keepalive;
    private Every heartbeat;
    private Every renewal;
    private Every reRegister;
    private Every stats;
    private int meterRound;

    StreamingPhase(SessionContext ctx) {
        super(ctx);
    }

    @Override
    SessionPhase id() {
        return SessionPhase.STREAMING;
    }

    @Override
    void enter() {
        long now = ctx.now;
        ctx.relays.streamingStarted();
        ctx.lastVideoAt = now;
        meter = add(new Every(Timeouts.METER, now));
        keepalive = add(new Every(Timeouts.ONLINE_KEEPALIVE, now));
        heartbeat = add(new Every(Timeouts.HEARTBEAT, now));
        if (ctx.config.features().initReqRenewal()) {
            renewal = add(new Every(Timeouts.INITREQ_RENEWAL, now));
        }
        if (ctx.config.features().relayReRegistration()) {
            reRegister = add(new Every(Timeouts.RELAY_REREGISTER, now));
        }
        stats = add(new Every(Timeouts.STATS, now));
        LOG.info("Camera {}: streaming over {}", ctx.label, ctx.streamingVia.wire());
        ctx.event(new SessionEvent.Streaming(ctx.streamingVia));
    }

    private Every add(Every e) {
        timers.add(e);
        return e;
    }

    @Override
    void onTick() {
        long now = ctx.now;
        long stall = ctx.config.stallTimeoutMillis();
        if (stall > 0 && now - ctx.lastVideoAt >= stall) {
            ctx.fail(FailureReason.STREAM_STALLED, "no video for " + (now - ctx.lastVideoAt) / 1000 + " s");
            return;
        }
        if (meter.due(now)) {
            ctx.path.control(MeterCodec.encode(
                    new MeterMessage(false, ctx.linkId, ctx.accessId, ctx.cameraTid, ++meterRound, now)));
        }
        if (keepalive.due(now)) {
            ctx.toServer(
                    SessionSocket.of(ctx.routingId, ctx.cameraTid, ctx.linkId, SessionSocket.SUB_ONLINE, List.of()));
        }
        if (heartbeat.due(now)) {
            ctx.heartbeat();
        }
        if (renewal != null && renewal.due(now)) {
            ctx.kcp.ctrl.send(ctx.initReq);
        }
        if (reRegister != null && reRegister.due(now) && !ctx.path.relays().isEmpty()) {
            reRegister();
        }
        if (stats.due(now)) {
            SessionStats s = ctx.counters.snapshot(ctx);
            LOG.debug(
                    "Camera {}: {} H.264 bytes, {} packets in, {} malformed, {} camera retransmits",
                    ctx.label,
                    s.h264Bytes(),
                    s.packetsIn(),
                    s.malformed(),
                    s.cameraRetransmits());
            ctx.event(new SessionEvent.Stats(s));
        }
    }

    private void reRegister() {
        byte[] registration = ctx.relayRegistration();
        List<Integer> ports = new ArrayList<>();
        for (Ipv4Endpoint relay : ctx.path.relays()) {
            ctx.send(relay, registration.clone());
            if (ports.size() < SessionSocket.MAX_PORTS && !ports.contains(relay.port())) {
                ports.add(relay.port());
            }
        }
        ctx.toServer(SessionSocket.of(ctx.routingId, ctx.cameraTid, ctx.linkId, SessionSocket.SUB_ACTIVATE, ports));
    }

    @Override
    long nextWakeup() {
        long next = Long.MAX_VALUE;
        for (Every e : timers) {
            next = Math.min(next, e.next());
        }
        long stall = ctx.config.stallTimeoutMillis();
        return stall > 0 ? Math.min(next, ctx.lastVideoAt + stall) : next;
    }
}
