package dev.gwellbridge.wire;

/**
 * SubscribeResp (0xB1, server → client). Its layout is unknown (§17); the client only logs it, so
 * the payload is kept opaque. See {@link SubscribeRespCodec}.
 *
 * @param route proto and ID words
 * @param sqnum sequence number
 * @param flags flags word; its mode bits choose the encryption (mode 2 in practice)
 * @param payload frame[24..)
 */
public record SubscribeResp(GutesRoute route, int sqnum, int flags, Octets payload) implements GutesMessage {
    /** Payload length of the 32-byte frames a simulator sends. */
    public static final int OBSERVED_PAYLOAD = 8;

    public SubscribeResp {
        if (payload.length() > 0xFFFF - GutesHeader.SIZE) {
            throw new IllegalArgumentException("payload too long for one frame");
        }
    }

    /** A mode-2 32-byte frame with a zero payload, as a simulator sends it. */
    public static SubscribeResp of(long routingId, int sqnum) {
        return new SubscribeResp(
                GutesRoute.routing(routingId),
                sqnum,
                GutesFlags.of(GutesMode.SESSION_KEY, 0),
                Octets.zeros(OBSERVED_PAYLOAD));
    }

    @Override
    public int subtype() {
        return SUB_SUBSCRIBE_RESP;
    }
}
