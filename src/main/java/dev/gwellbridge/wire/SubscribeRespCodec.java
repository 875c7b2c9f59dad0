package dev.gwellbridge.wire;

/**
 * Codec of {@link SubscribeResp}.
 *
 * <pre>
 * Off Size Field
 * 0   24   header: proto, 0xB1, length, ID, sqnum, checksum, flags
 * 24  n    payload, layout unknown (observed: 8 bytes)
 * </pre>
 */
public final class SubscribeRespCodec implements GutesCodec<SubscribeResp> {
    public static final SubscribeRespCodec INSTANCE = new SubscribeRespCodec();

    private SubscribeRespCodec() {}

    @Override
    public byte[] encodePlain(SubscribeResp m) {
        return OpaqueFrames.encode(m.route(), m.subtype(), m.sqnum(), m.flags(), m.payload());
    }

    @Override
    public SubscribeResp decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_SUBSCRIBE_RESP, GutesHeader.SIZE, "subscribe-resp");
        return new SubscribeResp(
                GutesRoute.read(f), GutesFrames.sqnum(f), GutesFrames.flags(f), OpaqueFrames.payload(f));
    }
}
