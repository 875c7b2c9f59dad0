package dev.gwellbridge.session;

import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.wire.DetectReq2Codec;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.PortStatReq;
import dev.gwellbridge.wire.RelayEntry;
import dev.gwellbridge.wire.ResRequest;
import dev.gwellbridge.wire.ResResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 6b, transport setup (GWELL-PROTOCOL.md §11.3 items 7–11, §11.4, §11.5).
 *
 * <ol>
 *   <li>LAN candidates from the configured camera IP: session, LAN, CALLING ACK and outer ports,
 *       then 6789, 32761, 32100 (no duplicates, no zeros);
 *   <li>MTP_RES_REQUEST to the server; relay activation starts in the background;
 *   <li>probe and wait: PortStatReq to every candidate and the server, DetectReq2 to every
 *       candidate; every third 400 ms iteration probe again with a Heartbeat; once the camera is
 *       heard, create-KCP to every candidate each iteration. Skipped without candidates and relays
 *       (the fork). Leaves as soon as the camera was heard at a LAN candidate (or, without LAN
 *       candidates, once a relay path is ready), else 3 s after the camera was first heard, else
 *       after 30 iterations;
 *   <li>transport: LAN UDP when there is a candidate (a TCP relay is then not needed); otherwise
 *       wait up to 5 s for the TCP relay, with the UDP relays in parallel and, with the fork switch,
 *       PASSTHROUGH copies of control sends. A "LAN TCP" path to the camera is described in the
 *       reference's notes as first priority but implemented by no client; its slot is kept in
 *       {@link Transport#LAN_TCP} and never chosen.
 * </ol>
 *
 * <p>With the {@code lan} preference relay activation never starts and a session without a LAN
 * candidate fails at once; with {@code relay} there are no LAN candidates (see {@link CameraPath}), so
 * the probe goes to the server only and the relay path is chosen.
 */
final class TransportSetupPhase extends Phase {
    private static final Logger LOG = LoggerFactory.getLogger(TransportSetupPhase.class);
    private static final int[] FIXED_PORTS = {6789, 32761, 32100};

    private boolean probing;
    private int iteration;
    private long nextIteration = Long.MAX_VALUE;
    private long probeBound = Long.MAX_VALUE;
    private boolean waitingTcp;
    private long tcpDeadline = Long.MAX_VALUE;

    TransportSetupPhase(SessionContext ctx) {
        super(ctx);
    }

    @Override
    SessionPhase id() {
        return SessionPhase.TRANSPORT;
    }

    @Override
    void enter() {
        CameraPath path = ctx.path;
        ResResponse res = ctx.resResponse;
        ctx.config.cameraLanIp().ifPresent(ip -> {
            for (int port : candidatePorts(res)) {
                path.addLan(new Ipv4Endpoint(ip, port));
            }
        });
        ctx.toServer(new ResRequest(ctx.routingId, ctx.linkId, ctx.accessId, ctx.cameraTid));
        ctx.relays = new RelayActivation(ctx, path);
        if (ctx.config.relaysAllowed()) {
            ctx.relays.start(res == null ? List.of() : validRelays(res));
        } else {
            LOG.debug("Camera {}: transport lan, relays not activated", ctx.label);
        }
        if (!path.hasLanCandidates() && path.relays().isEmpty()) {
            LOG.debug("Camera {}: no LAN candidate and no relay; probe skipped", ctx.label);
            select();
            return;
        }
        probing = true;
        probe();
        for (Ipv4Endpoint c : path.lanCandidates()) {
            ctx.send(c, DetectReq2Codec.INSTANCE.encode(ctx.entropy.detectReq2(), null));
        }
        nextIteration = ctx.now + Timeouts.PROBE_ITERATION;
        probeBound = ctx.now + Timeouts.PROBE_ITERATION * Timeouts.PROBE_MAX_ITERATIONS;
    }

    private List<Integer> candidatePorts(ResResponse res) {
        List<Integer> ports = new ArrayList<>();
        if (res != null) {
            ports.add(res.sessionPort());
            ports.add(res.lanPort());
        }
        if (ctx.callingAck != null) {
            ports.add(ctx.callingAck.peer().port());
        }
        if (res != null) {
            ports.add(res.outerPort());
        }
        for (int p : FIXED_PORTS) {
            ports.add(p);
        }
        return ports.stream().filter(p -> p != 0).distinct().toList();
    }

    /** Relays with an address and a port; garbage entries are left out. */
    private static List<RelayEntry> validRelays(ResResponse res) {
        return res.relays().stream()
                .filter(r -> !r.endpoint().ip().isAny() && r.endpoint().port() != 0)
                .filter(r -> r.endpoint().ip().firstOctet() != 0
                        && !r.endpoint().ip().equals(new Ipv4(-1)))
                .toList();
    }

    /** PortStatReq to every candidate and the server. */
    private void probe() {
        PortStatReq req = ctx.portStatReq();
        for (Ipv4Endpoint c : ctx.path.lanPlus(ctx.server)) {
            ctx.sendGutes(c, req);
        }
    }

    @Override
    void onServerDatagram(byte[] d) {
        if (!isComplete() && ctx.resResponse == null && d.length > 1 && (d[1] & 0xFF) == 0xA3) {
            try {
                if (GutesClassifier.atClient(d, ctx.sessionKey) instanceof ResResponse late) {
                    lateResResponse(late);
                    return;
                }
            } catch (FrameException e) {
                ctx.malformed(e.getMessage(), d);
                return;
            }
        }
        super.onServerDatagram(d);
    }

    /** An MTP_RES_RESPONSE after the calling phase: its ports and relays are still useful. */
    private void lateResResponse(ResResponse res) {
        ctx.resResponse = res;
        LOG.debug("Camera {}: late MTP_RES_RESPONSE used", ctx.label);
        ctx.config.cameraLanIp().ifPresent(ip -> {
            for (int port : candidatePorts(res)) {
                ctx.path.addLan(new Ipv4Endpoint(ip, port));
            }
        });
        for (RelayEntry r : validRelays(res)) {
            ctx.path.addRelay(r.endpoint());
        }
    }

    @Override
    void onTick() {
        if (isComplete()) {
            return;
        }
        if (probing) {
            tickProbe();
        } else if (waitingTcp && (ctx.relays.tcpReady() || ctx.now >= tcpDeadline || !ctx.relays.tcpPossible())) {
            waitingTcp = false;
            chooseRelayPath();
        }
    }

    private void tickProbe() {
        CameraTraffic traffic = ctx.traffic;
        CameraPath path = ctx.path;
        boolean lanAnswered = traffic.heardAt() >= 0 && traffic.heardViaLan();
        boolean relayReady = !path.hasLanCandidates() && (ctx.relays.tcpReady() || traffic.heardViaRelay());
        boolean afterHeard = traffic.heardAt() >= 0 && ctx.now >= traffic.heardAt() + Timeouts.PROBE_AFTER_HEARD;
        if (lanAnswered || relayReady || afterHeard) {
            select();
            return;
        }
        while (ctx.now >= nextIteration) {
            iteration++;
            if (iteration % Timeouts.PROBE_REPEAT_EVERY == 0) {
                probe();
                ctx.heartbeat();
            }
            if (traffic.heardAt() >= 0) {
                path.sendStandard(path.lanCandidates(), traffic.createKcp(), true);
            }
            nextIteration += Timeouts.PROBE_ITERATION;
            if (iteration >= Timeouts.PROBE_MAX_ITERATIONS || ctx.now >= probeBound) {
                select();
                return;
            }
        }
    }

    private void select() {
        probing = false;
        nextIteration = Long.MAX_VALUE;
        if (ctx.path.hasLanCandidates()) {
            ctx.relays.cancelTcp();
            chosen(Transport.LAN_UDP);
            return;
        }
        if (!ctx.config.relaysAllowed()) {
            ctx.fail(ctx.unreachableReason(), "no LAN path to the camera and transport is lan");
            return;
        }
        if (!ctx.relays.tcpReady() && ctx.relays.tcpPossible()) {
            waitingTcp = true;
            tcpDeadline = ctx.now + Timeouts.WAIT_TCP_RELAY;
            return;
        }
        chooseRelayPath();
    }

    private void chooseRelayPath() {
        tcpDeadline = Long.MAX_VALUE;
        ctx.path.enablePassthrough(ctx.config.features().passthroughCopies());
        Transport t = ctx.path.transport();
        if (t == Transport.NONE) {
            ctx.fail(ctx.unreachableReason(), "no path to the camera: no LAN address, no relay answered");
            return;
        }
        chosen(t);
    }

    private void chosen(Transport t) {
        LOG.info("Camera {}: transport {}", ctx.label, t.wire());
        ctx.event(new SessionEvent.TransportChosen(t));
        complete();
    }

    @Override
    long nextWakeup() {
        if (probing) {
            long afterHeard =
                    ctx.traffic.heardAt() >= 0 ? ctx.traffic.heardAt() + Timeouts.PROBE_AFTER_HEARD : Long.MAX_VALUE;
            return Math.min(Math.min(nextIteration, probeBound), afterHeard);
        }
        return waitingTcp ? tcpDeadline : Long.MAX_VALUE;
    }
}
