package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Codec of {@link RoutingId} (GWELL-PROTOCOL.md §6.4). Encoded frames are 40 bytes (the observed
 * size); frames of at least 36 bytes decode.
 *
 * <pre>
 * Off Size Field
 * 0   24   header: proto, 0x0D, length, ID, sqnum, checksum, flags (mode 2 in practice)
 * 24  4    unknown (written as 0)
 * 28  8    LE64 routing id
 * 36  4    unknown (written as 0)
 * </pre>
 */
public final class RoutingIdCodec implements GutesCodec<RoutingId> {
    public static final RoutingIdCodec INSTANCE = new RoutingIdCodec();

    /** Shortest frame the client reads. */
    public static final int MIN_LENGTH = 36;
    /** Length of an encoded frame. */
    public static final int LENGTH = 40;

    private RoutingIdCodec() {}

    @Override
    public byte[] encodePlain(RoutingId m) {
        byte[] f = GutesFrames.newFrame(
                m.route().proto(), m.subtype(), LENGTH, m.route().id(), m.sqnum(), m.flags());
        Le.putInt64(f, 28, m.routingId());
        return GutesFrames.finish(f);
    }

    @Override
    public RoutingId decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_SESSION_RESP, MIN_LENGTH, "routing-id");
        return new RoutingId(GutesRoute.read(f), GutesFrames.sqnum(f), GutesFrames.flags(f), Le.int64(f, 28));
    }
}
