package dev.gwellbridge.session;

import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.Calling;
import dev.gwellbridge.wire.CallingAck;
import dev.gwellbridge.wire.CertifyCheck;
import dev.gwellbridge.wire.CertifyReq;
import dev.gwellbridge.wire.CertifyReqCodec;
import dev.gwellbridge.wire.CertifyResp;
import dev.gwellbridge.wire.CertifyRespCodec;
import dev.gwellbridge.wire.DetectReq2;
import dev.gwellbridge.wire.DetectResp;
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.DeviceList;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.GutesRoute;
import dev.gwellbridge.wire.InitInfoMsg;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.RelayEntry;
import dev.gwellbridge.wire.ResResponse;
import dev.gwellbridge.wire.RoutingId;
import dev.gwellbridge.wire.Subscribe;
import dev.gwellbridge.wire.SubscribeResp;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only P2P server written from GWELL-PROTOCOL.md §13.1: verifies CertifyReq and answers it,
 * answers InitInfoMsg with 0x0D and 0xA7, each Subscribe with 0xB1, CALLING with CALLING ACK and
 * MTP_RES_RESPONSE, DetectReq2 with 0x02; records everything it receives. Knobs switch single
 * answers off to exercise the client's timeouts. Not thread-safe.
 */
final class FakeServer {
    static final long ROUTING_ID = 0x5A5A000011112222L;
    static final long CERTIFY_SESSION_ID = 0x0F0E0D0C0B0A0908L;

    final Ipv4Endpoint address;
    final AccessCredentials credentials;
    private final CertifyReqCodec certify;
    private final FakeCamera camera;
    Rc5x32 sessionKey;

    /** What the client sent, decoded (null entries: undecodable). */
    final List<GutesMessage> received = new ArrayList<>();

    final List<CertifyCheck> certifyChecks = new ArrayList<>();

    // Knobs.
    int certifyAnswersToDrop;
    int certifyErrorCode;
    boolean sendRoutingId = true;
    boolean sendDeviceList = true;
    boolean answerSubscribe = true;
    boolean answerCalling = true;
    boolean sendResResponse = true;
    boolean relayOnly;
    boolean answerProbes = true;
    List<DeviceEntry> devices;
    List<RelayEntry> relays = List.of();

    FakeServer(Ipv4Endpoint address, AccessCredentials credentials, FakeCamera camera, List<DeviceEntry> devices) {
        this.address = address;
        this.credentials = credentials;
        this.certify = CertifyReqCodec.forCredentials(credentials);
        this.camera = camera;
        this.devices = devices;
    }

    List<PeerPacket> onDatagram(Ipv4Endpoint from, byte[] d) {
        List<PeerPacket> out = new ArrayList<>();
        if (d.length > 0 && (d[0] & 0xFF) == 0xC0) {
            return out;
        }
        GutesMessage m;
        try {
            if (d.length > 1 && (d[1] & 0xFF) == GutesMessage.SUB_CERTIFY_REQ) {
                CertifyCheck check = certify.verify(d);
                certifyChecks.add(check);
                m = check.request();
            } else {
                m = GutesClassifier.atPeer(d, sessionKey, certify);
            }
        } catch (FrameException e) {
            received.add(null);
            return out;
        }
        received.add(m);
        if (m instanceof CertifyReq req) {
            if (certifyAnswersToDrop > 0) {
                certifyAnswersToDrop--;
                return out;
            }
            if (certifyErrorCode == 0) {
                sessionKey = Rc5x32.of(req.sessionKey().toByteArray());
            }
            CertifyResp resp =
                    CertifyResp.of(credentials.accessId(), req.sqnum(), certifyErrorCode, CERTIFY_SESSION_ID);
            out.add(reply(from, CertifyRespCodec.INSTANCE.encode(resp, null)));
        } else if (m instanceof InitInfoMsg info) {
            if (sendRoutingId) {
                out.add(reply(from, GutesCodecs.encode(RoutingId.of(ROUTING_ID, info.sqnum()), sessionKey)));
            }
            if (sendDeviceList) {
                out.add(reply(from, GutesCodecs.encode(DeviceList.of(ROUTING_ID, info.sqnum(), devices), sessionKey)));
            }
        } else if (m instanceof Subscribe s && answerSubscribe) {
            out.add(reply(from, GutesCodecs.encode(SubscribeResp.of(ROUTING_ID, s.sqnum()), sessionKey)));
        } else if (m instanceof Calling c && answerCalling) {
            camera.onCall(c, credentials.accessId());
            Ipv4Endpoint peer = relayOnly ? new Ipv4Endpoint(Ipv4.ANY, 0) : camera.address;
            out.add(reply(from, GutesCodecs.encode(CallingAck.of(ROUTING_ID, c.sqnum(), peer), sessionKey)));
            if (sendResResponse && !relayOnly) {
                int port = camera.address.port();
                ResResponse res = ResResponse.of(ROUTING_ID, 0, port, port, port, camera.address.ip(), relays);
                out.add(reply(from, GutesCodecs.encode(res, sessionKey)));
            }
        } else if (m instanceof DetectReq2 && answerProbes) {
            DetectResp resp = DetectResp.of(GutesRoute.access(0), 0);
            out.add(reply(from, GutesCodecs.encode(resp, null)));
        }
        return out;
    }

    private PeerPacket reply(Ipv4Endpoint to, byte[] data) {
        return PeerPacket.udp(address, to, data);
    }

    /** Subtypes received, in order (0 for undecodable). */
    List<Integer> subtypes() {
        return received.stream().map(m -> m == null ? 0 : m.subtype()).toList();
    }

    long count(Class<? extends GutesMessage> type) {
        return received.stream().filter(type::isInstance).count();
    }
}
