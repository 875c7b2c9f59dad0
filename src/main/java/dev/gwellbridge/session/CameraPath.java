package dev.gwellbridge.session;

import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.MtpFrameCodec;
import dev.gwellbridge.wire.Octets;
import dev.gwellbridge.wire.PassthroughData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera's address book and the "camera path" of GWELL-PROTOCOL.md §11.5: where KCP output and
 * control sends go.
 *
 * <ul>
 *   <li>a locked best LAN address: only there (standard header);
 *   <li>else LAN candidates: each of them;
 *   <li>else the TCP relay (standard header, 0x10 cleared) and every UDP relay (extended header,
 *       destination = camera TID); control sends also as a PASSTHROUGH copy to the server when
 *       enabled. KCP engine output is never copied (§11.5 item 4).
 * </ul>
 *
 * <p>The session's transport preference is enforced here as well: with {@code relay} no LAN
 * candidate is ever added (so nothing is locked), with {@code lan} no relay, TCP relay or PASSTHROUGH
 * copy is ever used.
 *
 * <p>The lock is the single-address rule: the SDK sends to exactly one camera address, and a
 * server that saw KCP sprayed at it and the relays ended the session after about 3 minutes.
 * Confined to the session thread.
 */
final class CameraPath {
    private static final Logger LOG = LoggerFactory.getLogger(CameraPath.class);

    private final SessionContext ctx;
    private final Set<Ipv4Endpoint> lan = new LinkedHashSet<>();
    private final Set<Ipv4Endpoint> relays = new LinkedHashSet<>();
    private Ipv4Endpoint locked;
    private boolean lockingEnabled;
    private int tcp = -1;
    private boolean passthrough;

    CameraPath(SessionContext ctx) {
        this.ctx = ctx;
    }

    /** Adds a LAN candidate; returns whether it is new (never with the {@code relay} preference). */
    boolean addLan(Ipv4Endpoint ep) {
        return ctx.config.lanAllowed() && valid(ep) && lan.add(ep);
    }

    /** Adds a UDP relay; returns whether it is new (never with the {@code lan} preference). */
    boolean addRelay(Ipv4Endpoint ep) {
        return ctx.config.relaysAllowed() && valid(ep) && !ep.equals(ctx.server) && relays.add(ep);
    }

    boolean isRelay(Ipv4Endpoint ep) {
        return relays.contains(ep);
    }

    private static boolean valid(Ipv4Endpoint ep) {
        return !ep.ip().isAny() && ep.port() != 0;
    }

    boolean isLan(Ipv4Endpoint ep) {
        return lan.contains(ep);
    }

    boolean hasLanCandidates() {
        return !lan.isEmpty();
    }

    List<Ipv4Endpoint> lanCandidates() {
        return List.copyOf(lan);
    }

    List<Ipv4Endpoint> relays() {
        return List.copyOf(relays);
    }

    /** From now on the first LAN source seen becomes the single destination (INITREQ, streaming). */
    void enableLocking() {
        lockingEnabled = true;
    }

    /** Locks onto {@code source} if locking is on, nothing is locked yet and the filter accepts it. */
    void offerLock(Ipv4Endpoint source) {
        if (lockingEnabled
                && locked == null
                && ctx.config.lanAllowed()
                && ctx.config.lanFilter().accepts(source.ip())) {
            locked = source;
            lan.add(source);
            LOG.info("Camera {}: camera path locked to {}", ctx.label, source);
        }
    }

    /** The TCP relay connection to use, or -1. */
    void useTcp(int id) {
        tcp = ctx.config.relaysAllowed() ? id : -1;
    }

    int tcp() {
        return tcp;
    }

    void enablePassthrough(boolean on) {
        passthrough = on && ctx.config.relaysAllowed();
    }

    /** The path in use now, by the priority of §11.5. */
    Transport transport() {
        if (locked != null || !lan.isEmpty()) {
            return Transport.LAN_UDP;
        }
        if (tcp >= 0) {
            return Transport.TCP_RELAY;
        }
        if (!relays.isEmpty()) {
            return Transport.UDP_RELAY;
        }
        return passthrough ? Transport.PASSTHROUGH : Transport.NONE;
    }

    /** KCP engine output: one non-urgent MTP frame per buffer, never copied through the server. */
    void kcpOutput(byte[] buf, int len) {
        deliver(buf, 0, len, false, false);
    }

    /** An urgent session-control message (create-KCP, meter request or ack). */
    void control(byte[] message) {
        deliver(message, 0, message.length, true, true);
    }

    /** A hand-made KCP segment (INITREQ): non-urgent, but copied like a control send. */
    void manual(byte[] segment) {
        deliver(segment, 0, segment.length, false, true);
    }

    private void deliver(byte[] p, int off, int len, boolean urgent, boolean copy) {
        if (locked != null) {
            ctx.send(locked, standard(p, off, len, urgent, true));
            return;
        }
        if (!lan.isEmpty()) {
            byte[] frame = standard(p, off, len, urgent, true);
            for (Ipv4Endpoint ep : lan) {
                ctx.send(ep, frame.clone());
            }
            return;
        }
        if (tcp >= 0) {
            ctx.sendTcp(tcp, standard(p, off, len, urgent, false));
        }
        if (!relays.isEmpty()) {
            byte[] frame = extended(p, off, len, ctx.cameraTid, urgent);
            for (Ipv4Endpoint ep : relays) {
                ctx.send(ep, frame.clone());
            }
        }
        if (copy && passthrough) {
            byte[] inner = standard(p, off, len, urgent, true);
            ctx.toServer(new PassthroughData(
                    ctx.routingId, ctx.nextSqnum(), ctx.cameraTid, ctx.accessId, ctx.linkId, Octets.of(inner)));
        }
    }

    /** Sends one standard frame to each of {@code targets} (duplicates skipped). */
    void sendStandard(List<Ipv4Endpoint> targets, byte[] payload, boolean urgent) {
        byte[] frame = standard(payload, 0, payload.length, urgent, true);
        for (Ipv4Endpoint ep : new LinkedHashSet<>(targets)) {
            ctx.send(ep, frame.clone());
        }
    }

    /** Sends one extended frame (destination = camera TID) to each UDP relay. */
    void sendToRelays(byte[] payload, boolean urgent) {
        if (relays.isEmpty()) {
            return;
        }
        byte[] frame = extended(payload, 0, payload.length, ctx.cameraTid, urgent);
        for (Ipv4Endpoint ep : relays) {
            ctx.send(ep, frame.clone());
        }
    }

    /** Every address a probe-phase send goes to: LAN candidates first, then {@code extra}. */
    List<Ipv4Endpoint> lanPlus(Ipv4Endpoint extra) {
        List<Ipv4Endpoint> out = new ArrayList<>(lan);
        if (extra != null && !out.contains(extra)) {
            out.add(extra);
        }
        return out;
    }

    /**
     * A standard MTP frame; over UDP the reference sets the "control" bit 0x10 on every standard
     * frame, over TCP it clears it (§8.1).
     */
    static byte[] standard(byte[] p, int off, int len, boolean urgent, boolean udp) {
        int flags = (urgent ? MtpFrame.FLAG_URGENT : 0) | (udp ? MtpFrame.FLAG_CONTROL : 0);
        byte[] out = new byte[MtpFrame.STANDARD_HEADER + len];
        MtpFrameCodec.encode(flags, 0, p, off, len, out, 0);
        return out;
    }

    /** An extended MTP frame (header mode 1) addressed to {@code destId}, as sent to UDP relays. */
    static byte[] extended(byte[] p, int off, int len, long destId, boolean urgent) {
        int flags = (urgent ? MtpFrame.FLAG_URGENT : 0) | MtpFrame.MODE_EXTENDED;
        byte[] out = new byte[MtpFrame.EXTENDED_HEADER + len];
        MtpFrameCodec.encode(flags, destId, p, off, len, out, 0);
        return out;
    }
}
