package dev.gwellbridge.wire;

/**
 * The head_info record (GWELL-PROTOCOL.md §10.4): the first AV data the camera sends on DATA after
 * STARTED. Its 24 bytes after the magic are reported to be codec parameters of unknown layout
 * (§17 item 1), so this codec treats them as opaque.
 *
 * <pre>
 * Off  Size  Field   Meaning
 *   0     4  magic   FF FF FF 88 (big-endian int32 -120)
 *   4    24  params  unknown
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class HeadInfoCodec {
    /** Length of the record. */
    public static final int LENGTH = 28;

    /** Length of the opaque parameter block. */
    public static final int PARAMS_LENGTH = LENGTH - 4;

    private HeadInfoCodec() {}

    /** Builds a head_info record with the given 24 parameter bytes. */
    public static byte[] encode(byte[] params) {
        if (params.length != PARAMS_LENGTH) {
            throw new IllegalArgumentException("head_info: params must be " + PARAMS_LENGTH + " bytes");
        }
        byte[] b = new byte[LENGTH];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFF;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0x88;
        System.arraycopy(params, 0, b, 4, PARAMS_LENGTH);
        return b;
    }

    /** Whether an AV body {@code buf[off..off+len)} starts with a head_info record (needs 28 bytes). */
    public static boolean startsWithHeadInfo(byte[] buf, int off, int len) {
        return len >= LENGTH
                && buf[off] == (byte) 0xFF
                && buf[off + 1] == (byte) 0xFF
                && buf[off + 2] == (byte) 0xFF
                && buf[off + 3] == (byte) 0x88;
    }
}
