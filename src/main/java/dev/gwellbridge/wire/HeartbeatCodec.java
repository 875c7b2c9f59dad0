package dev.gwellbridge.wire;

/**
 * Codec of {@link Heartbeat} (GWELL-PROTOCOL.md §6.11).
 *
 * <pre>
 * Off Size Field
 * 0   4    7F A0 2C 00
 * 4   8    accessId
 * 12  4    sqnum
 * 16  4    checksum
 * 20  4    flags 0x00020000 (mode 2)
 * 24  20   zero
 * </pre>
 */
public final class HeartbeatCodec implements GutesCodec<Heartbeat> {
    public static final HeartbeatCodec INSTANCE = new HeartbeatCodec();

    /** Frame length. */
    public static final int LENGTH = 44;
    /** Flags word. */
    public static final int FLAGS = 0x00020000;

    private HeartbeatCodec() {}

    @Override
    public byte[] encodePlain(Heartbeat m) {
        return GutesFrames.finish(
                GutesFrames.newFrame(GutesRoute.PROTO_ACCESS, m.subtype(), LENGTH, m.accessId(), m.sqnum(), FLAGS));
    }

    @Override
    public Heartbeat decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_HEARTBEAT, LENGTH, "heartbeat");
        return new Heartbeat(GutesFrames.id(f), GutesFrames.sqnum(f));
    }
}
