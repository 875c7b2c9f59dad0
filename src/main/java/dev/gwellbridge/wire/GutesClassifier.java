package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;

/**
 * Turns a received GUTES datagram into a typed message, for either side of the protocol.
 *
 * <p>Both entry points first check the shape (at least 24 bytes, proto 0x7E/0x7F, length field
 * equal to the datagram length, since each UDP datagram is exactly one frame), reject subtypes the
 * receiving side does not expect without spending a decryption, robust-decrypt (§5.5) and decode.
 * The codecs validate content (counts, lengths, printable names), because frames of other
 * sessions with flags bit 21 "decrypt" under any key (§11.9). Everything that fails ends as a
 * {@link FrameException}: count it and drop the datagram.
 *
 * <p>During certify the client reads responses with the mode-1 rule of {@link
 * CertifyRespCodec#acceptWire} instead, which also accepts a 0x0D CertifyResp; here 0x0D is always
 * the routing-id frame. Stateless and thread-safe.
 */
public final class GutesClassifier {
    /** First byte of every MTP frame. */
    private static final int MTP_MAGIC = 0xC0;

    private GutesClassifier() {}

    /**
     * Classifies a datagram the client received from the server, a camera or a relay.
     *
     * @param sessionKey the session key schedule, or {@code null} before certify
     * @return {@link CertifyResp} (0x0C), {@link RoutingId} (0x0D), {@link DeviceList}, {@link
     *     SubscribeResp}, {@link CallingAck}, {@link ResResponse}, {@link PortMessage}, {@link
     *     DetectResp}, {@link DetectReq2} or {@link PassthroughData}
     */
    public static GutesMessage atClient(byte[] datagram, Rc5x32 sessionKey) throws FrameException {
        int subtype = checkShape(datagram);
        switch (subtype) {
            case GutesMessage.SUB_CERTIFY_REQ,
                    GutesMessage.SUB_SESSION_RESP,
                    GutesMessage.SUB_INIT_INFO_RESP,
                    GutesMessage.SUB_SUBSCRIBE_RESP,
                    GutesMessage.SUB_CALLING,
                    GutesMessage.SUB_MTP_RES_RESPONSE,
                    GutesMessage.SUB_PORT_STAT_REQ,
                    GutesMessage.SUB_PORT_STAT_RESP,
                    GutesMessage.SUB_DETECT_RESP,
                    GutesMessage.SUB_DETECT_REQ2,
                    GutesMessage.SUB_P2P_INNER -> {}
            case GutesMessage.SUB_PUSH -> throw new FrameException("gutes: push notification of another session");
            default -> throw unexpected(subtype, "client");
        }
        byte[] f = GutesCipher.robustDecrypt(datagram, sessionKey).frame();
        return switch (subtype) {
            case GutesMessage.SUB_CERTIFY_REQ -> CertifyRespCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_SESSION_RESP -> routingId(f);
            case GutesMessage.SUB_INIT_INFO_RESP -> DeviceListCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_SUBSCRIBE_RESP -> SubscribeRespCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_CALLING -> CallingAckCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_MTP_RES_RESPONSE -> ResResponseCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_PORT_STAT_REQ, GutesMessage.SUB_PORT_STAT_RESP -> PortStatCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_DETECT_RESP -> DetectRespCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_DETECT_REQ2 -> DetectReq2Codec.INSTANCE.decode(f);
            default -> passthroughData(f);
        };
    }

    /**
     * Classifies a datagram the server or a camera received from the client.
     *
     * @param sessionKey the session key schedule of this client, or {@code null} before certify
     * @param certify the codec bound to this client's credentials, or {@code null}: CertifyReq is
     *     then rejected
     * @return {@link CertifyReq}, {@link InitInfoMsg}, {@link Subscribe}, {@link Inner}, {@link
     *     Calling}, {@link ResRequest}, {@link Heartbeat}, {@link PortMessage}, {@link DetectReq2},
     *     {@link DetectResp}, {@link ListFrmRequest} or {@link DetectRequest}
     */
    public static GutesMessage atPeer(byte[] datagram, Rc5x32 sessionKey, CertifyReqCodec certify)
            throws FrameException {
        int subtype = checkShape(datagram);
        if (subtype == GutesMessage.SUB_LIST_FRM_REQUEST) {
            return ListFrmRequestCodec.INSTANCE.decodeWire(datagram, null);
        }
        if (subtype == GutesMessage.SUB_DETECT_REQUEST) {
            return DetectRequestCodec.INSTANCE.decodeWire(datagram, null);
        }
        switch (subtype) {
            case GutesMessage.SUB_CERTIFY_REQ -> {
                if (certify == null) {
                    throw new FrameException("gutes: CertifyReq without credentials to check it");
                }
            }
            case GutesMessage.SUB_INIT_INFO_MSG,
                    GutesMessage.SUB_SUBSCRIBE,
                    GutesMessage.SUB_P2P_INNER,
                    GutesMessage.SUB_CALLING,
                    GutesMessage.SUB_MTP_RES_REQUEST,
                    GutesMessage.SUB_HEARTBEAT,
                    GutesMessage.SUB_PORT_STAT_REQ,
                    GutesMessage.SUB_PORT_STAT_RESP,
                    GutesMessage.SUB_DETECT_REQ2,
                    GutesMessage.SUB_DETECT_RESP -> {}
            default -> throw unexpected(subtype, "peer");
        }
        byte[] f = GutesCipher.robustDecrypt(datagram, sessionKey).frame();
        return switch (subtype) {
            case GutesMessage.SUB_CERTIFY_REQ -> certify.decode(f);
            case GutesMessage.SUB_INIT_INFO_MSG -> InitInfoMsgCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_SUBSCRIBE -> SubscribeCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_P2P_INNER -> inner(f);
            case GutesMessage.SUB_CALLING -> CallingCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_MTP_RES_REQUEST -> ResRequestCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_HEARTBEAT -> HeartbeatCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_PORT_STAT_REQ, GutesMessage.SUB_PORT_STAT_RESP -> PortStatCodec.INSTANCE.decode(f);
            case GutesMessage.SUB_DETECT_REQ2 -> DetectReq2Codec.INSTANCE.decode(f);
            default -> DetectRespCodec.INSTANCE.decode(f);
        };
    }

    /** Checks what can be checked before decryption and returns the subtype. */
    private static int checkShape(byte[] datagram) throws FrameException {
        if (datagram.length < GutesHeader.SIZE) {
            throw new FrameException("gutes: " + datagram.length + " bytes, shorter than the header");
        }
        GutesFrames.requireProto(datagram, "gutes");
        int length = Le.uint16(datagram, 2);
        if (length != datagram.length) {
            throw new FrameException("gutes: length field " + length + " but " + datagram.length + " bytes");
        }
        return datagram[1] & 0xFF;
    }

    private static FrameException unexpected(int subtype, String side) {
        return new FrameException("gutes: subtype 0x" + Integer.toHexString(subtype) + " not expected at the " + side);
    }

    private static RoutingId routingId(byte[] f) throws FrameException {
        RoutingId r = RoutingIdCodec.INSTANCE.decode(f);
        if (r.routingId() == 0) {
            throw new FrameException("routing-id: zero");
        }
        return r;
    }

    private static Inner inner(byte[] f) throws FrameException {
        Inner m = InnerCodec.INSTANCE.decode(f);
        if (m instanceof PassthroughData d) {
            requireMtpPayload(d);
        }
        return m;
    }

    /** The fork feeds a 0xB9 frame to its engines only if it is data holding an MTP frame. */
    private static PassthroughData passthroughData(byte[] f) throws FrameException {
        if (!(PassthroughCodec.INSTANCE.decode(f) instanceof PassthroughData d)) {
            throw new FrameException("passthrough: control frame not expected at the client");
        }
        return requireMtpPayload(d);
    }

    private static PassthroughData requireMtpPayload(PassthroughData d) throws FrameException {
        if (d.payload().at(0) != MTP_MAGIC) {
            throw new FrameException("passthrough: inner frame does not start with 0xC0");
        }
        return d;
    }
}
