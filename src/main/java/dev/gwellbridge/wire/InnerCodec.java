package dev.gwellbridge.wire;

/**
 * Codec of every 0xB9 {@link Inner} message. Bit 0 of [24..28) clear means PASSTHROUGH data; set,
 * a 208-byte frame with inner type 5 at [52] is NetworkDetect, anything else PASSTHROUGH control.
 * See {@link NetworkDetectCodec} and {@link PassthroughCodec} for the layouts.
 */
public final class InnerCodec implements GutesCodec<Inner> {
    public static final InnerCodec INSTANCE = new InnerCodec();

    private InnerCodec() {}

    @Override
    public byte[] encodePlain(Inner m) {
        if (m instanceof NetworkDetect n) {
            return NetworkDetectCodec.INSTANCE.encodePlain(n);
        }
        return PassthroughCodec.INSTANCE.encodePlain((Passthrough) m);
    }

    @Override
    public Inner decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_P2P_INNER, PassthroughCodec.DATA_HEADER, "p2p-inner");
        if (PassthroughCodec.isControl(f)
                && f.length >= NetworkDetectCodec.LENGTH
                && f[52] == NetworkDetectCodec.INNER_TYPE) {
            return NetworkDetectCodec.INSTANCE.decode(f);
        }
        return PassthroughCodec.INSTANCE.decode(f);
    }
}
