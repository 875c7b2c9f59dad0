package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * The GUTES checksum (GWELL-PROTOCOL.md §5.4), computed over the plaintext frame with [16..20)
 * excluded:
 *
 * <pre>
 * c = LE32(flags) &amp; 0x00FFFFFF        (bits 24..31 of the flags are not covered)
 * c ^= LE32[0..4) ^ LE32[4..8) ^ LE32[8..12) ^ LE32[12..16)
 * for (o = 24; o + 4 &lt;= 24 + L &amp;&amp; o + 4 &lt;= buffer length; o += 4) c ^= LE32[o..o+4)
 * </pre>
 *
 * <p>L is the protected length; only whole 4-byte words count and trailers are excluded. Because
 * [16..20) is excluded, recomputing over a frame that already holds its checksum gives the same
 * value.
 */
public final class GutesChecksum {
    private GutesChecksum() {}

    /** Computes the checksum of a plaintext frame of at least 24 bytes. */
    public static int compute(byte[] frame) {
        int flags = Le.int32(frame, 20);
        int end = GutesHeader.SIZE + GutesFlags.protectedLength(Le.uint16(frame, 2), flags);
        int c = flags & GutesFlags.CHECKSUM_MASK;
        c ^= Le.int32(frame, 0) ^ Le.int32(frame, 4) ^ Le.int32(frame, 8) ^ Le.int32(frame, 12);
        for (int o = GutesHeader.SIZE; o + 4 <= end && o + 4 <= frame.length; o += 4) {
            c ^= Le.int32(frame, o);
        }
        return c;
    }

    /** Computes the checksum and stores it at [16..20). */
    public static void store(byte[] frame) {
        Le.putInt32(frame, 16, compute(frame));
    }

    /** True when the stored checksum matches. */
    public static boolean verifies(byte[] frame) {
        return Le.int32(frame, 16) == compute(frame);
    }
}
