package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Encodes and decodes {@link MtpFrame}s (GWELL-PROTOCOL.md §8.1, §8.2).
 *
 * <pre>
 * Off  Size  Field     Meaning
 *   0     1  magic     0xC0
 *   1     1  flags     0x80 urgent, 0x60 header mode (non-zero: extended), 0x10 "control"
 *   2     1  len_lo    total length bits 0..2 in the low 3 bits (upper 5 bits 0)
 *   3     1  len_hi    total length bits 3..10; total counts the header, so at most 2047
 *   4     2  check     LE16 (checksum XOR LE16 of bytes [2..4))
 *   6     8  dest_id   extended header only: LE64 destination id (the client writes the camera TID)
 * 6/14    …  payload
 * </pre>
 *
 * <p>The checksum XORs the 12 little-endian words at offsets 6, 8, …, 28, word {@code i} rotated
 * left by {@code i} bits; words past the end of the frame (and a trailing odd byte) are left out.
 * Receivers in the reference do not verify it, and neither does {@link #decode}: use {@link
 * #checksumMatches} where a check is wanted. Stateless and thread-safe.
 */
public final class MtpFrameCodec {
    private static final int CHECKSUM_WORDS = 12;

    private MtpFrameCodec() {}

    /** Encodes a frame into a new array of {@link MtpFrame#totalLength()} bytes. */
    public static byte[] encode(MtpFrame frame) {
        byte[] out = new byte[frame.totalLength()];
        byte[] payload = frame.payload();
        encode(frame.flags(), frame.destId(), payload, 0, payload.length, out, 0);
        return out;
    }

    /**
     * Writes one frame into {@code dst} at {@code dstOff} without intermediate copies.
     *
     * @return the total frame length
     * @throws IllegalArgumentException when the frame would exceed {@link MtpFrame#MAX_LENGTH}
     */
    public static int encode(
            int flags, long destId, byte[] payload, int payloadOff, int payloadLen, byte[] dst, int dstOff) {
        int header = MtpFrame.headerLength(flags);
        int total = header + payloadLen;
        if (total > MtpFrame.MAX_LENGTH) {
            throw new IllegalArgumentException("mtp: frame of " + total + " bytes exceeds " + MtpFrame.MAX_LENGTH);
        }
        dst[dstOff] = (byte) MtpFrame.MAGIC;
        dst[dstOff + 1] = (byte) flags;
        writeLengthField(dst, dstOff, total);
        if (header == MtpFrame.EXTENDED_HEADER) {
            Le.putInt64(dst, dstOff + 6, destId);
        }
        System.arraycopy(payload, payloadOff, dst, dstOff + header, payloadLen);
        Le.putInt16(dst, dstOff + 4, checksum(dst, dstOff, total) ^ Le.uint16(dst, dstOff + 2));
        return total;
    }

    /**
     * Decodes exactly one frame occupying {@code buf[off..off+len)}.
     *
     * @throws FrameException on a bad magic, a length field below the header size or not equal to
     *     {@code len}
     */
    public static MtpFrame decode(byte[] buf, int off, int len) throws FrameException {
        if (len < MtpFrame.STANDARD_HEADER) {
            throw new FrameException("mtp: frame of " + len + " bytes is shorter than a header");
        }
        if ((buf[off] & 0xFF) != MtpFrame.MAGIC) {
            throw new FrameException("mtp: bad magic");
        }
        int flags = buf[off + 1] & 0xFF;
        int header = MtpFrame.headerLength(flags);
        int total = lengthField(buf, off);
        if (total < header) {
            throw new FrameException("mtp: length field " + total + " below the header size " + header);
        }
        if (total != len) {
            throw new FrameException("mtp: length field " + total + " but " + len + " bytes");
        }
        long destId = header == MtpFrame.EXTENDED_HEADER ? Le.int64(buf, off + 6) : 0;
        byte[] payload = new byte[total - header];
        System.arraycopy(buf, off + header, payload, 0, payload.length);
        return new MtpFrame(flags, destId, payload);
    }

    /** The total length read from bytes 2 and 3 of a header: {@code (b[2] & 7) | (b[3] << 3)}. */
    public static int lengthField(byte[] buf, int off) {
        return (buf[off + 2] & 7) | (buf[off + 3] & 0xFF) << 3;
    }

    /**
     * Stores a total length (0..2047) in bytes 2 and 3 of a header: low 3 bits in byte 2, the next 8
     * bits in byte 3.
     */
    public static void writeLengthField(byte[] buf, int off, int total) {
        if (total < 0 || total > MtpFrame.MAX_LENGTH) {
            throw new IllegalArgumentException("mtp: length " + total + " does not fit 11 bits");
        }
        buf[off + 2] = (byte) (total & 7);
        buf[off + 3] = (byte) (total >>> 3);
    }

    /** Payload offset for a received frame's flags byte: 14 when the header mode is non-zero, else 6. */
    public static int payloadOffset(int flags) {
        return MtpFrame.headerLength(flags);
    }

    /**
     * The 16-bit checksum of the frame at {@code buf[off..off+len)} before it is XORed with the length
     * word.
     */
    public static int checksum(byte[] buf, int off, int len) {
        int cs = 0;
        for (int i = 0; i < CHECKSUM_WORDS; i++) {
            int o = MtpFrame.STANDARD_HEADER + 2 * i;
            if (o + 2 > len) {
                break;
            }
            int v = Le.uint16(buf, off + o);
            cs ^= ((v << i) | (v >>> (16 - i))) & 0xFFFF;
        }
        return cs;
    }

    /** Whether the stored check field of a frame of at least 6 bytes matches its contents. */
    public static boolean checksumMatches(byte[] buf, int off, int len) {
        return Le.uint16(buf, off + 4) == (checksum(buf, off, len) ^ Le.uint16(buf, off + 2));
    }
}
