package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Rc5x32;

/**
 * Encodes any {@link GutesMessage} with its codec, for callers that hold messages of several types
 * (a simulator answering requests, a session sending keepalives). CertifyReq needs credentials
 * and is encoded through {@link CertifyReqCodec} instead.
 */
public final class GutesCodecs {
    private GutesCodecs() {}

    /** The plaintext frame of {@code m}, checksum stored. */
    public static byte[] encodePlain(GutesMessage m) {
        return encodeWith(m, null, false);
    }

    /**
     * The frame of {@code m} as sent.
     *
     * @param sessionKey the session key schedule; needed only when the frame's mode is 2
     */
    public static byte[] encode(GutesMessage m, Rc5x32 sessionKey) {
        return encodeWith(m, sessionKey, true);
    }

    private static byte[] encodeWith(GutesMessage m, Rc5x32 key, boolean seal) {
        if (m instanceof CertifyReq) {
            throw new IllegalArgumentException("CertifyReq needs credentials: use CertifyReqCodec");
        }
        if (m instanceof ListFrmRequest l) {
            return ListFrmRequestCodec.INSTANCE.encodePlain(l);
        }
        if (m instanceof DetectRequest d) {
            return DetectRequestCodec.INSTANCE.encodePlain(d);
        }
        byte[] plain = plain(m);
        return seal ? GutesCipher.seal(plain, key) : plain;
    }

    private static byte[] plain(GutesMessage m) {
        if (m instanceof CertifyResp x) {
            return CertifyRespCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof RoutingId x) {
            return RoutingIdCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof InitInfoMsg x) {
            return InitInfoMsgCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof DeviceList x) {
            return DeviceListCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof Subscribe x) {
            return SubscribeCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof SubscribeResp x) {
            return SubscribeRespCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof Inner x) {
            return InnerCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof Calling x) {
            return CallingCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof CallingAck x) {
            return CallingAckCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof ResResponse x) {
            return ResResponseCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof ResRequest x) {
            return ResRequestCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof Heartbeat x) {
            return HeartbeatCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof PortMessage x) {
            return PortStatCodec.INSTANCE.encodePlain(x);
        } else if (m instanceof DetectReq2 x) {
            return DetectReq2Codec.INSTANCE.encodePlain(x);
        } else if (m instanceof DetectResp x) {
            return DetectRespCodec.INSTANCE.encodePlain(x);
        }
        throw new IllegalArgumentException("no codec for " + m.getClass().getSimpleName());
    }
}
