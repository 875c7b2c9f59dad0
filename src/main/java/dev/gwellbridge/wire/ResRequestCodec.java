package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Codec of {@link ResRequest} (GWELL-PROTOCOL.md §6.10).
 *
 * <pre>
 * Off Size Field
 * 0   4    7E A2 7A 00
 * 4   8    routing id
 * 12  4    0 (sqnum not used)
 * 16  4    checksum
 * 20  4    flags 0x00060000 (mode 2, send type 1)
 * 24  2    zero
 * 26  4    linkId
 * 30  8    accessId
 * 38  8    camera TID
 * 46  76   zero
 * </pre>
 *
 * <p>L = 98: blocks 24..120 are encrypted, [120..122) stays plaintext.
 */
public final class ResRequestCodec implements GutesCodec<ResRequest> {
    public static final ResRequestCodec INSTANCE = new ResRequestCodec();

    /** Frame length. */
    public static final int LENGTH = 122;
    /** Flags word. */
    public static final int FLAGS = 0x00060000;

    private ResRequestCodec() {}

    @Override
    public byte[] encodePlain(ResRequest m) {
        byte[] f = GutesFrames.newFrame(GutesRoute.PROTO_ROUTED, m.subtype(), LENGTH, m.routingId(), 0, FLAGS);
        Le.putInt32(f, 26, m.linkId());
        Le.putInt64(f, 30, m.accessId());
        Le.putInt64(f, 38, m.cameraTid());
        return GutesFrames.finish(f);
    }

    @Override
    public ResRequest decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_MTP_RES_REQUEST, LENGTH, "res-request");
        return new ResRequest(GutesFrames.id(f), Le.int32(f, 26), Le.int64(f, 30), Le.int64(f, 38));
    }
}
