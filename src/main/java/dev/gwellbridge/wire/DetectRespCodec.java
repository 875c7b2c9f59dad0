package dev.gwellbridge.wire;

/**
 * Codec of {@link DetectResp}.
 *
 * <pre>
 * Off Size Field
 * 0   24   header: proto, 0x02, length, ID, sqnum, checksum, flags
 * 24  n    payload, layout unknown (observed: 32 bytes)
 * </pre>
 */
public final class DetectRespCodec implements GutesCodec<DetectResp> {
    public static final DetectRespCodec INSTANCE = new DetectRespCodec();

    private DetectRespCodec() {}

    @Override
    public byte[] encodePlain(DetectResp m) {
        return OpaqueFrames.encode(m.route(), m.subtype(), m.sqnum(), m.flags(), m.payload());
    }

    @Override
    public DetectResp decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_DETECT_RESP, GutesHeader.SIZE, "detect-resp");
        return new DetectResp(GutesRoute.read(f), GutesFrames.sqnum(f), GutesFrames.flags(f), OpaqueFrames.payload(f));
    }
}
