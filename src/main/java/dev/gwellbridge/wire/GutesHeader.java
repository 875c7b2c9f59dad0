package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * The 24-byte GUTES header (GWELL-PROTOCOL.md §5.1).
 *
 * <pre>
 * Off Size Field    Meaning
 * 0   1    proto    0x7F (accessId in the ID words) or 0x7E (routing id); both are encrypted
 * 1   1    subtype  message type (§6)
 * 2   2    length   LE16, whole frame including this header
 * 4   4    word1    low 32 bits of the 64-bit ID
 * 8   4    word2    high 32 bits of the ID
 * 12  4    sqnum    LE32 sequence number
 * 16  4    chkval   LE32 checksum over the plaintext frame (§5.4)
 * 20  4    flags    LE32 option word ({@link GutesFlags})
 * 24  ...  payload
 * </pre>
 *
 * @param proto 0..255
 * @param subtype 0..255
 * @param length 0..65535, as written in the frame
 * @param id the 64-bit ID from [4..12)
 * @param sqnum the sequence number
 * @param checksum the stored checksum
 * @param flags the flags word
 */
public record GutesHeader(int proto, int subtype, int length, long id, int sqnum, int checksum, int flags) {
    /** Header length. */
    public static final int SIZE = 24;

    /** Reads the header of a (decrypted) frame. */
    public static GutesHeader read(byte[] frame) throws FrameException {
        if (frame.length < SIZE) {
            throw new FrameException("gutes: " + frame.length + " bytes, shorter than the header");
        }
        return new GutesHeader(
                frame[0] & 0xFF,
                frame[1] & 0xFF,
                Le.uint16(frame, 2),
                Le.int64(frame, 4),
                Le.int32(frame, 12),
                Le.int32(frame, 16),
                Le.int32(frame, 20));
    }

    /** Writes this header into {@code frame[0..24)}. */
    public void write(byte[] frame) {
        frame[0] = (byte) proto;
        frame[1] = (byte) subtype;
        Le.putInt16(frame, 2, length);
        Le.putInt64(frame, 4, id);
        Le.putInt32(frame, 12, sqnum);
        Le.putInt32(frame, 16, checksum);
        Le.putInt32(frame, 20, flags);
    }

    /** The encryption mode announced in the flags, or {@code null} for the unused mode 3. */
    public GutesMode mode() {
        return GutesMode.ofFlags(flags);
    }

    /** The protected length L of §5.3. */
    public int protectedLength() {
        return GutesFlags.protectedLength(length, flags);
    }
}
