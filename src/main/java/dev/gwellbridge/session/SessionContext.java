package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.CallingAck;
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.GutesRoute;
import dev.gwellbridge.wire.Heartbeat;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.PortStatReq;
import dev.gwellbridge.wire.PortStatResp;
import dev.gwellbridge.wire.RelayRegistration;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import dev.gwellbridge.wire.ResResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state the phases share (keys, ids, the call's parts) and the outbox they write to. Confined
 * to the session thread.
 */
final class SessionContext {
    private static final Logger LOG = LoggerFactory.getLogger(SessionContext.class);
    private static final int HEX_PREFIX = 16;

    final SessionConfig config;
    final SessionEntropy entropy;
    final AccessCredentials credentials;
    final long accessId;
    final String label;
    final Counters counters = new Counters();

    private final List<SessionAction> actions = new ArrayList<>();
    private final List<SessionEvent> events = new ArrayList<>();

    /** The machine's clock at the current input, in ms. */
    long now;

    Ipv4Endpoint server;
    /** Something was received from the server in this session (it is reachable). */
    boolean serverConfirmed;

    Rc5x32 sessionKey;
    long routingId;
    List<DeviceEntry> devices = List.of();
    long cameraTid;
    int linkId;
    Rc5x32 mtpCipher;
    CallingAck callingAck;
    ResResponse resResponse;
    int streamId;
    byte[] initReq;
    long lastVideoAt;
    Transport streamingVia = Transport.NONE;

    CameraPath path;
    CameraTraffic traffic;
    RelayActivation relays;
    KcpPair kcp;

    private int sqnum;
    private int nextTcpId = 1;
    private boolean ended;

    SessionContext(SessionConfig config, SessionEntropy entropy) {
        this.config = config;
        this.entropy = entropy;
        this.credentials = config.credentials();
        this.accessId = credentials.accessId();
        this.label = config.deviceId();
    }

    /** The next GUTES sequence number (the first is 1). */
    int nextSqnum() {
        return ++sqnum;
    }

    /** 0x7E + routing id once known, else 0x7F + accessId (§5.6). */
    GutesRoute route() {
        return GutesRoute.preferRouting(routingId, accessId);
    }

    void send(Ipv4Endpoint to, byte[] data) {
        actions.add(new SessionAction.SendDatagram(to, data));
    }

    /** Encodes {@code m} with the mode its flags announce (mode 2 uses the session key). */
    void sendGutes(Ipv4Endpoint to, GutesMessage m) {
        send(to, GutesCodecs.encode(m, sessionKey));
    }

    void toServer(GutesMessage m) {
        sendGutes(server, m);
    }

    void heartbeat() {
        toServer(new Heartbeat(accessId, nextSqnum()));
    }

    /** A PortStatReq; building one consumes a sequence number although the frame carries 0. */
    PortStatReq portStatReq() {
        nextSqnum();
        return new PortStatReq(routingId, cameraTid, linkId);
    }

    /** The answer to a camera's PortStatReq; consumes a sequence number like the request. */
    PortStatResp portStatResp() {
        nextSqnum();
        return new PortStatResp(routingId, cameraTid, linkId);
    }

    /** The 74-byte relay registration frame, stamped with the current time. */
    byte[] relayRegistration() {
        return RelayRegistrationCodec.encode(new RelayRegistration(linkId, accessId, cameraTid, now));
    }

    int connectTcp(Ipv4Endpoint to) {
        int id = nextTcpId++;
        actions.add(new SessionAction.ConnectTcp(id, to));
        return id;
    }

    void sendTcp(int id, byte[] data) {
        actions.add(new SessionAction.SendTcp(id, data));
    }

    void closeTcp(int id) {
        actions.add(new SessionAction.CloseTcp(id));
    }

    void event(SessionEvent e) {
        events.add(e);
    }

    void video(byte[] buf, int off, int len) {
        counters.h264Bytes += len;
        lastVideoAt = now;
        events.add(new SessionEvent.Video(buf, off, len));
    }

    /** Counts a received datagram that cannot be used and says why at DEBUG. */
    void malformed(String why, byte[] data) {
        counters.malformed++;
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "Camera {}: dropped a {}-byte datagram ({}): {}",
                    label,
                    data.length,
                    why,
                    HexFormat.of().formatHex(data, 0, Math.min(HEX_PREFIX, data.length)));
        }
    }

    /** The current camera path, as the seam names it. */
    Transport transport() {
        return path == null ? Transport.NONE : path.transport();
    }

    /**
     * The reason for "no camera answered": a LAN session points at the camera, a relay-only call at
     * the model, a call whose camera has an address but no configured LAN IP at the missing IP. With
     * the {@code relay} preference a missing LAN IP is no reason: the camera (or its relays) did not
     * answer, unless the call itself said relay-only.
     */
    FailureReason unreachableReason() {
        if (!config.lanAllowed()) {
            boolean relayOnly = callingAck != null && callingAck.peer().ip().isAny();
            return relayOnly ? FailureReason.RELAY_ONLY : FailureReason.CAMERA_UNREACHABLE;
        }
        if (config.cameraLanIp().isPresent() || (path != null && path.hasLanCandidates())) {
            return FailureReason.CAMERA_UNREACHABLE;
        }
        if (callingAck != null && !callingAck.peer().ip().isAny()) {
            return FailureReason.NO_LAN_IP;
        }
        return FailureReason.RELAY_ONLY;
    }

    /** Ends the session with a failure; the first call wins. */
    void fail(FailureReason reason, String detail) {
        if (ended) {
            return;
        }
        ended = true;
        LOG.info("Camera {}: session failed ({}): {}", label, reason.code(), detail);
        events.add(new SessionEvent.Ended(reason, detail));
    }

    /** Ends the session without a failure (closed on request, discovery done). */
    void finish(String detail) {
        if (ended) {
            return;
        }
        ended = true;
        LOG.debug("Camera {}: session ended: {}", label, detail);
        events.add(new SessionEvent.Ended(null, detail));
    }

    boolean ended() {
        return ended;
    }

    List<SessionAction> takeActions() {
        List<SessionAction> out = List.copyOf(actions);
        actions.clear();
        return out;
    }

    List<SessionEvent> takeEvents() {
        List<SessionEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }
}
