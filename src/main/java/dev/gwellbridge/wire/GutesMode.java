package dev.gwellbridge.wire;

/** GUTES encryption mode, flags bits 16..17 (GWELL-PROTOCOL.md §5.2, §5.5). */
public enum GutesMode {
    /** Mode 0: only the ID step with the password key. */
    ID_ONLY(0),
    /** Mode 1: RC5-32 with the 8-byte key rebuilt from the frame's own plaintext bytes. */
    FRAME_KEY(1),
    /** Mode 2: RC5-32 with the 32-byte session key chosen in CertifyReq. */
    SESSION_KEY(2);

    private final int bits;

    GutesMode(int bits) {
        this.bits = bits;
    }

    /** The value of flags bits 16..17. */
    public int bits() {
        return bits;
    }

    /** The mode a flags word announces; mode 3 is unused and yields {@code null}. */
    public static GutesMode ofFlags(int flags) {
        return switch (GutesFlags.modeBits(flags)) {
            case 0 -> ID_ONLY;
            case 1 -> FRAME_KEY;
            case 2 -> SESSION_KEY;
            default -> null;
        };
    }

    /** Text of the form the reference vectors use, e.g. {@code "mode-2"}. */
    public String label() {
        return "mode-" + bits;
    }
}
