package dev.gwellbridge.wire;

/**
 * Codec of {@link InitInfoMsg} (GWELL-PROTOCOL.md §6.3).
 *
 * <pre>
 * Off Size Field
 * 0   4    7F A6 3E 00
 * 4   8    accessId
 * 12  4    sqnum
 * 16  4    checksum
 * 20  4    flags 0x00020000 (mode 2)
 * 24  4    3E 00 00 02 (option bits 1..5; byte 27 = "sub mode" 2)
 * 28  28   zero
 * 56  2    "credential A", zero
 * 58  4    "credential B", zero
 * </pre>
 *
 * <p>L = 38: blocks 24..56 are encrypted, [56..62) stays plaintext.
 */
public final class InitInfoMsgCodec implements GutesCodec<InitInfoMsg> {
    public static final InitInfoMsgCodec INSTANCE = new InitInfoMsgCodec();

    /** Frame length. */
    public static final int LENGTH = 62;
    /** Flags word. */
    public static final int FLAGS = 0x00020000;

    private static final byte[] OPTIONS = {0x3E, 0x00, 0x00, 0x02};

    private InitInfoMsgCodec() {}

    @Override
    public byte[] encodePlain(InitInfoMsg m) {
        byte[] f = GutesFrames.newFrame(GutesRoute.PROTO_ACCESS, m.subtype(), LENGTH, m.accessId(), m.sqnum(), FLAGS);
        System.arraycopy(OPTIONS, 0, f, 24, OPTIONS.length);
        return GutesFrames.finish(f);
    }

    @Override
    public InitInfoMsg decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_INIT_INFO_MSG, LENGTH, "init-info");
        return new InitInfoMsg(GutesFrames.id(f), GutesFrames.sqnum(f));
    }
}
