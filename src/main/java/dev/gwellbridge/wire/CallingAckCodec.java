package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Codec of {@link CallingAck} (GWELL-PROTOCOL.md §6.8). Encoded frames are 48 bytes (the observed
 * size); frames of at least 38 bytes decode.
 *
 * <pre>
 * Off Size Field
 * 0   24   header: proto, 0xA4, length, ID, sqnum, checksum, flags (mode 2 in practice)
 * 24  8    unknown (written as 0)
 * 32  4    camera IPv4, network order (0.0.0.0 for relay-only cameras)
 * 36  2    LE16 camera port
 * 38  10   unknown (written as 0)
 * </pre>
 */
public final class CallingAckCodec implements GutesCodec<CallingAck> {
    public static final CallingAckCodec INSTANCE = new CallingAckCodec();

    /** Shortest frame the client reads. */
    public static final int MIN_LENGTH = 38;
    /** Length of an encoded frame. */
    public static final int LENGTH = 48;

    private CallingAckCodec() {}

    @Override
    public byte[] encodePlain(CallingAck m) {
        byte[] f = GutesFrames.newFrame(
                m.route().proto(), m.subtype(), LENGTH, m.route().id(), m.sqnum(), m.flags());
        m.peer().ip().write(f, 32);
        Le.putInt16(f, 36, m.peer().port());
        return GutesFrames.finish(f);
    }

    @Override
    public CallingAck decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_CALLING, MIN_LENGTH, "calling-ack");
        return new CallingAck(
                GutesRoute.read(f),
                GutesFrames.sqnum(f),
                GutesFrames.flags(f),
                new Ipv4Endpoint(Ipv4.read(f, 32), Le.uint16(f, 36)));
    }
}
