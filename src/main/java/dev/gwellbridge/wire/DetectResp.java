package dev.gwellbridge.wire;

/**
 * DetectResp (0x02, server or camera → client): the answer to DetectReq2. Its layout is unknown
 * (observed 56 bytes); any reply counts, so the payload is kept opaque. See {@link
 * DetectRespCodec}.
 *
 * @param route proto and ID words
 * @param sqnum sequence number
 * @param flags flags word; its mode bits choose the encryption
 * @param payload frame[24..)
 */
public record DetectResp(GutesRoute route, int sqnum, int flags, Octets payload) implements GutesMessage {
    /** Payload length of the observed 56-byte frames. */
    public static final int OBSERVED_PAYLOAD = 32;

    public DetectResp {
        if (payload.length() > 0xFFFF - GutesHeader.SIZE) {
            throw new IllegalArgumentException("payload too long for one frame");
        }
    }

    /** A mode-1 56-byte frame with a zero payload, as a simulator sends it. */
    public static DetectResp of(GutesRoute route, int sqnum) {
        return new DetectResp(route, sqnum, GutesFlags.of(GutesMode.FRAME_KEY, 0), Octets.zeros(OBSERVED_PAYLOAD));
    }

    @Override
    public int subtype() {
        return SUB_DETECT_RESP;
    }
}
