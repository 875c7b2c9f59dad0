package dev.gwellbridge.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One MTP frame of the camera data channel (GWELL-PROTOCOL.md §8.1): flags, the destination id of
 * an extended header, and the payload. Immutable; the payload is copied in and out.
 *
 * <p>A frame is never longer than {@link #MAX_LENGTH} bytes: the 11-bit length field would wrap a
 * 2048-byte frame to 0, so the constructor refuses anything longer.
 *
 * @param flags byte 1: {@link #FLAG_URGENT}, header mode ({@link #MODE_MASK}), {@link #FLAG_CONTROL}
 * @param destId LE64 at {@code [6..14)} for an extended header; always 0 for a standard header
 * @param payload the bytes after the header
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString compare contents
public record MtpFrame(int flags, long destId, byte[] payload) {
    /** Byte 0 of every MTP frame. */
    public static final int MAGIC = 0xC0;
    /** Flag set on session-control messages (meter, create-KCP, relay registration). */
    public static final int FLAG_URGENT = 0x80;
    /** Header-mode bits; any non-zero mode means a 14-byte extended header. */
    public static final int MODE_MASK = 0x60;
    /** Header mode 1, the one builders use for extended frames. */
    public static final int MODE_EXTENDED = 0x20;
    /** The "control" bit: set on standard frames sent over UDP, cleared over TCP; receivers ignore it. */
    public static final int FLAG_CONTROL = 0x10;
    /** Length of a standard header. */
    public static final int STANDARD_HEADER = 6;
    /** Length of an extended header (standard header plus LE64 destination id). */
    public static final int EXTENDED_HEADER = 14;
    /** Largest total frame length the 11-bit length field can carry. */
    public static final int MAX_LENGTH = 2047;

    public MtpFrame {
        if (flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("mtp: flags out of range: " + flags);
        }
        if (!isExtended(flags) && destId != 0) {
            throw new IllegalArgumentException("mtp: a standard header has no destination id");
        }
        payload = payload.clone();
        int total = headerLength(flags) + payload.length;
        if (total > MAX_LENGTH) {
            throw new IllegalArgumentException("mtp: frame of " + total + " bytes exceeds " + MAX_LENGTH);
        }
    }

    /**
     * A standard frame as the client sends it over UDP ({@code control = true}) or TCP ({@code control
     * = false}).
     */
    public static MtpFrame standard(byte[] payload, boolean urgent, boolean control) {
        return new MtpFrame((urgent ? FLAG_URGENT : 0) | (control ? FLAG_CONTROL : 0), 0, payload);
    }

    /** An extended frame (header mode 1) addressed to {@code destId}, as sent to UDP relays. */
    public static MtpFrame extended(byte[] payload, long destId, boolean urgent) {
        return new MtpFrame((urgent ? FLAG_URGENT : 0) | MODE_EXTENDED, destId, payload);
    }

    /** Whether {@code flags} select the 14-byte extended header. */
    public static boolean isExtended(int flags) {
        return (flags & MODE_MASK) != 0;
    }

    /** Header length for {@code flags}: the payload offset rule of §8.1. */
    public static int headerLength(int flags) {
        return isExtended(flags) ? EXTENDED_HEADER : STANDARD_HEADER;
    }

    public boolean urgent() {
        return (flags & FLAG_URGENT) != 0;
    }

    public boolean extended() {
        return isExtended(flags);
    }

    /** Total frame length, header included. */
    public int totalLength() {
        return headerLength(flags) + payload.length;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Payload length without copying. */
    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MtpFrame f && f.flags == flags && f.destId == destId && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return (flags * 31 + Long.hashCode(destId)) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return String.format(
                "MtpFrame[flags=0x%02x, destId=0x%016x, payload=%s]",
                flags, destId, HexFormat.of().formatHex(payload));
    }
}
