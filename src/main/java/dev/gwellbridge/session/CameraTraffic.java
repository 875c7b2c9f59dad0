package dev.gwellbridge.session;

import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.kcp.KcpManualSegments;
import dev.gwellbridge.wire.AvStreamCtlScanner;
import dev.gwellbridge.wire.AvStreamCtlSighting;
import dev.gwellbridge.wire.CreateKcpCodec;
import dev.gwellbridge.wire.CreateKcpMessage;
import dev.gwellbridge.wire.DetectResp;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.PassthroughData;
import dev.gwellbridge.wire.PortStatReq;
import dev.gwellbridge.wire.PortStatResp;
import dev.gwellbridge.wire.SessionControlMessage;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that comes from the camera side once the call is placed: MTP datagrams from camera
 * candidates and relays, MTP frames from the TCP relay, PASSTHROUGH data from the server, and the
 * 0xCA/0xCB/0x02 GUTES frames a camera may send (GWELL-PROTOCOL.md §11.4, §11.6).
 *
 * <p>In {@link Mode#PROBE} (probe and wait) it answers meter requests to the source, every LAN
 * candidate and, as extended frames, every relay, and notes when and over which path the camera was
 * first heard. In {@link Mode#STREAM} (INITREQ loop and streaming) it also locks the best LAN
 * address, looks for ACCEPT, feeds the KCP engines, sends the direct ACKs of §9.5 and drains the
 * engines. Whatever arrives is handled at once, whichever path it came over. Content that cannot
 * belong to this call (another linkId or streamId) is counted as malformed and ignored. Confined to
 * the session thread.
 *
 * <p>With the {@code relay} preference, UDP datagrams straight from the camera (standard MTP or GUTES
 * from an address that is not a relay) are dropped, so no answer ever goes to a LAN address; with
 * {@code lan}, relay datagrams and PASSTHROUGH data are dropped, so no answer ever goes to a relay.
 */
final class CameraTraffic {
    private static final Logger LOG = LoggerFactory.getLogger(CameraTraffic.class);

    /** What the traffic is used for. */
    enum Mode {
        PROBE,
        STREAM
    }

    /** How a frame arrived. */
    private enum Via {
        UDP,
        TCP,
        PASSTHROUGH
    }

    private final SessionContext ctx;
    private final CameraPath path;
    private Mode mode = Mode.PROBE;
    private long heardAt = -1;
    private boolean heardViaLan;
    private boolean heardViaRelay;
    private boolean createKcpSent;
    private boolean awaitingAccept;
    private Transport acceptedVia;
    private boolean ignoredLogged;

    CameraTraffic(SessionContext ctx, CameraPath path) {
        this.ctx = ctx;
        this.path = path;
    }

    void setMode(Mode m) {
        this.mode = m;
    }

    /** When the camera was first heard, or -1. */
    long heardAt() {
        return heardAt;
    }

    boolean heardViaLan() {
        return heardViaLan;
    }

    boolean heardViaRelay() {
        return heardViaRelay;
    }

    void awaitAccept() {
        awaitingAccept = true;
        acceptedVia = null;
    }

    /** The path an ACCEPT for this stream arrived over, once one has; then stops looking. */
    Transport takeAccept() {
        Transport t = acceptedVia;
        if (t != null) {
            awaitingAccept = false;
            acceptedVia = null;
        }
        return t;
    }

    /** A UDP datagram from a source other than the server. */
    void onUdp(Ipv4Endpoint from, byte[] d) {
        boolean relay = fromRelay(from, d);
        if (relay ? !ctx.config.relaysAllowed() : !ctx.config.lanAllowed()) {
            if (!ignoredLogged) {
                ignoredLogged = true;
                LOG.debug(
                        "Camera {}: {} datagram from {} ignored (transport {})",
                        ctx.label,
                        relay ? "relay" : "direct",
                        from,
                        ctx.config.transport().wire());
            }
            return;
        }
        if (d.length > 0 && (d[0] & 0xFF) == MtpFrame.MAGIC) {
            mtp(from, Via.UDP, d);
        } else {
            gutes(from, d);
        }
    }

    /**
     * Relay traffic: an extended MTP frame or anything from a known relay. The preference drops
     * the side it forbids, so such a datagram is neither answered nor remembered as a path.
     */
    private boolean fromRelay(Ipv4Endpoint from, byte[] d) {
        boolean extended = d.length > 1 && (d[0] & 0xFF) == MtpFrame.MAGIC && MtpFrame.isExtended(d[1] & 0xFF);
        return extended || path.isRelay(from);
    }

    /** An MTP frame read from a TCP relay connection. */
    void onTcpFrame(byte[] frame) {
        mtp(null, Via.TCP, frame);
    }

    /** A datagram from the server in the later phases: PASSTHROUGH data carries camera traffic. */
    void onServerDatagram(byte[] d) {
        if (!ctx.config.relaysAllowed()) {
            return;
        }
        if (d.length == 0 || (d[0] & 0xFF) == MtpFrame.MAGIC) {
            ctx.malformed("MTP from the server", d);
            return;
        }
        GutesMessage m = classify(d);
        if (m == null) {
            return;
        }
        if (m instanceof PassthroughData p) {
            if (p.cameraTid() != ctx.cameraTid) {
                ctx.malformed("PASSTHROUGH data for another camera", d);
                return;
            }
            mtp(null, Via.PASSTHROUGH, p.payload().toByteArray());
        } else {
            LOG.trace("Camera {}: server sub 0x{} ignored", ctx.label, Integer.toHexString(m.subtype()));
        }
    }

    private void gutes(Ipv4Endpoint from, byte[] d) {
        GutesMessage m = classify(d);
        if (m == null) {
            return;
        }
        if (m instanceof PortStatReq r) {
            if (r.linkId() != ctx.linkId) {
                ctx.malformed("PortStatReq of another call", d);
                return;
            }
            ctx.sendGutes(from, ctx.portStatResp());
            addLanIfAccepted(from);
        } else if (m instanceof PortStatResp r) {
            if (r.linkId() != ctx.linkId) {
                ctx.malformed("PortStatResp of another call", d);
                return;
            }
            heardByGutes(from);
        } else if (m instanceof DetectResp) {
            heardByGutes(from);
        } else {
            LOG.trace("Camera {}: sub 0x{} from {} ignored", ctx.label, Integer.toHexString(m.subtype()), from);
        }
    }

    /** 0xCB or 0x02: the camera is reachable at {@code from}. */
    private void heardByGutes(Ipv4Endpoint from) {
        boolean first = heardAt < 0;
        addLanIfAccepted(from);
        heard(from, Via.UDP, false);
        if (first && !createKcpSent && mode == Mode.PROBE) {
            createKcpSent = true;
            path.sendStandard(path.lanCandidates(), createKcp(), true);
        }
    }

    private void addLanIfAccepted(Ipv4Endpoint from) {
        if (ctx.config.lanFilter().accepts(from.ip())) {
            path.addLan(from);
        }
    }

    private void mtp(Ipv4Endpoint from, Via via, byte[] b) {
        KcpPair kcp = ctx.kcp;
        int dataConv = kcp == null ? 0 : kcp.dataConv();
        int ctrlConv = kcp == null ? 0 : kcp.ctrlConv();
        MtpDatagram dg;
        try {
            dg = MtpDatagramParser.parse(b, 0, b.length, dataConv, ctrlConv);
        } catch (FrameException e) {
            ctx.malformed(e.getMessage(), b);
            return;
        }
        if (via == Via.UDP) {
            track(from, dg.extended());
        }
        Optional<MtpDatagram.ControlRef> control = dg.control();
        if (control.isPresent()) {
            control(from, via, dg.extended(), b, control.get());
        }
        if (mode == Mode.PROBE || kcp == null) {
            return;
        }
        if (awaitingAccept && acceptedVia == null) {
            Optional<AvStreamCtlSighting> s = AvStreamCtlScanner.scan(b, dg);
            if (s.isPresent() && s.get().isAccept()) {
                if (s.get().streamId() == ctx.streamId) {
                    acceptedVia = transportOf(via, dg.extended());
                    LOG.info("Camera {}: ACCEPT over {}", ctx.label, acceptedVia.wire());
                } else {
                    ctx.counters.malformed++;
                }
            }
        }
        for (MtpDatagram.KcpRun run : dg.runs()) {
            kcp.engine(run.channel()).input(b, run.offset(), run.length(), ctx.now);
        }
        if (via == Via.UDP) {
            directAcks(from, dg, kcp);
        }
        kcp.drain();
    }

    /**
     * §8.4/§11.4: an extended header means a relay; a standard header from an address the LAN filter
     * accepts is a LAN candidate and, once locking is on, may become the single destination.
     */
    private void track(Ipv4Endpoint from, boolean extended) {
        if (extended) {
            path.addRelay(from);
            return;
        }
        addLanIfAccepted(from);
        path.offerLock(from);
    }

    private void control(Ipv4Endpoint from, Via via, boolean extended, byte[] b, MtpDatagram.ControlRef c) {
        int cmd = c.command();
        if (cmd != SessionControlMessage.CMD_METER_REQUEST && cmd != SessionControlMessage.CMD_METER_ACK) {
            return;
        }
        int len = Math.max(0, Math.min(c.length(), b.length - c.offset()));
        MeterMessage m;
        try {
            m = MeterCodec.decode(b, c.offset(), len);
        } catch (FrameException e) {
            ctx.malformed(e.getMessage(), b);
            return;
        }
        if (m.linkId() != ctx.linkId) {
            ctx.malformed("meter message of another call", b);
            return;
        }
        if (m.ack()) {
            ctx.counters.meterAcks++;
            if (mode == Mode.PROBE) {
                heard(from, via, extended);
            }
            return;
        }
        ctx.counters.meterRequests++;
        byte[] ack = MeterCodec.ackFor(b, c.offset(), len);
        if (mode == Mode.PROBE) {
            probeReply(from, via, extended, ack);
            boolean first = !createKcpSent;
            heard(from, via, extended);
            if (first) {
                createKcpSent = true;
                probeReply(from, via, extended, createKcp());
            }
        } else {
            streamAck(from, via, extended, ack);
        }
    }

    /** Probe phase: to the source, every LAN candidate and, extended, every relay. */
    private void probeReply(Ipv4Endpoint from, Via via, boolean extended, byte[] message) {
        if (via == Via.UDP && !extended) {
            path.sendStandard(path.lanPlus(from), message, true);
        } else {
            reply(from, via, extended, message);
            path.sendStandard(path.lanCandidates(), message, true);
        }
        path.sendToRelays(message, true);
    }

    /** Streaming: the ack goes back the way the request came, and to every LAN candidate (§11.5). */
    private void streamAck(Ipv4Endpoint from, Via via, boolean extended, byte[] ack) {
        if (via == Via.UDP && !extended) {
            path.sendStandard(path.lanPlus(from), ack, true);
        } else if (via == Via.UDP) {
            ctx.send(from, CameraPath.extended(ack, 0, ack.length, ctx.cameraTid, true));
        } else {
            path.control(ack);
        }
    }

    private void reply(Ipv4Endpoint from, Via via, boolean extended, byte[] message) {
        if (via == Via.UDP) {
            ctx.send(
                    from,
                    extended
                            ? CameraPath.extended(message, 0, message.length, ctx.cameraTid, true)
                            : CameraPath.standard(message, 0, message.length, true, true));
        } else if (via == Via.TCP && path.tcp() >= 0) {
            ctx.sendTcp(path.tcp(), CameraPath.standard(message, 0, message.length, true, false));
        }
    }

    private void heard(Ipv4Endpoint from, Via via, boolean extended) {
        if (via == Via.UDP && !extended && path.isLan(from)) {
            heardViaLan = true;
        } else if (via != Via.UDP || extended) {
            heardViaRelay = true;
        }
        if (heardAt < 0) {
            heardAt = ctx.now;
            LOG.info(
                    "Camera {}: camera answered ({})",
                    ctx.label,
                    from == null ? via.name().toLowerCase(Locale.ROOT) : from);
        }
    }

    /**
     * §9.5: a stand-alone ACK for every PUSH, at once, to the datagram's source. Its una is the
     * receiving engine's rcv_nxt; the reference wrote the DATA engine's even for CTRL segments, which
     * could tell the camera's CTRL engine that segments it never delivered had arrived.
     */
    private void directAcks(Ipv4Endpoint from, MtpDatagram dg, KcpPair kcp) {
        for (MtpDatagram.SegmentRef seg : dg.segments()) {
            if (!seg.isPush() || (seg.conv() != kcp.dataConv() && seg.conv() != kcp.ctrlConv())) {
                continue;
            }
            KcpEndpoint engine = seg.conv() == kcp.dataConv() ? kcp.data : kcp.ctrl;
            byte[] ack = KcpManualSegments.directAck(seg.conv(), seg.sn(), seg.ts(), engine.rcvNxt());
            ctx.send(
                    from,
                    dg.extended()
                            ? CameraPath.extended(ack, 0, ack.length, ctx.cameraTid, false)
                            : CameraPath.standard(ack, 0, ack.length, false, true));
        }
    }

    byte[] createKcp() {
        return CreateKcpCodec.encode(new CreateKcpMessage(ctx.linkId, ctx.accessId, ctx.cameraTid));
    }

    private static Transport transportOf(Via via, boolean extended) {
        return switch (via) {
            case TCP -> Transport.TCP_RELAY;
            case PASSTHROUGH -> Transport.PASSTHROUGH;
            case UDP -> extended ? Transport.UDP_RELAY : Transport.LAN_UDP;
        };
    }

    /** The GUTES message in {@code d}, or null when it does not decode (counted as malformed). */
    private GutesMessage classify(byte[] d) {
        try {
            return GutesClassifier.atClient(d, ctx.sessionKey);
        } catch (FrameException e) {
            ctx.malformed(e.getMessage(), d);
            return null;
        }
    }
}
