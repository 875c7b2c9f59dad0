package dev.gwellbridge.wire;

import java.util.random.RandomGenerator;

/**
 * The GUTES flags word at [20..24) (GWELL-PROTOCOL.md §5.2).
 *
 * <pre>
 * Bits   Mask        Meaning
 * 0      0x00000001  never set by the client
 * 1..15  0x0000FFFE  random in CertifyReq and NetworkDetect (part of the mode-1 key), else 0
 * 16..17 0x00030000  encryption mode 0/1/2
 * 18..19 0x000C0000  send type: 3 CertifyReq; 1 CALLING, MTP_RES_REQUEST, NetworkDetect, PASSTHROUGH
 * 21     0x00200000  response option: the receiver skips checksum verification
 * 22     0x00400000  80-byte signature trailer present
 * 24     0x01000000  16-byte time trailer present (before the signature)
 * 25     0x02000000  set in NetworkDetect
 * </pre>
 */
public final class GutesFlags {
    public static final int RANDOM_MASK = 0x0000FFFE;
    public static final int MODE_MASK = 0x00030000;
    public static final int SEND_TYPE_MASK = 0x000C0000;
    public static final int SKIP_CHECKSUM = 0x00200000;
    public static final int SIGNATURE = 0x00400000;
    public static final int TIME_TRAILER = 0x01000000;
    public static final int NETWORK_DETECT = 0x02000000;
    /** Only these bits of the flags word take part in the checksum. */
    public static final int CHECKSUM_MASK = 0x00FFFFFF;

    /** Length of the signature trailer. */
    public static final int SIGNATURE_LENGTH = 80;
    /** Length of the time trailer. */
    public static final int TIME_TRAILER_LENGTH = 16;

    private GutesFlags() {}

    /**
     * Random flags bits 1..15 as the client draws them for CertifyReq and NetworkDetect: {@code r
     * << 1}, r uniform in [0, 0x7FFF).
     */
    public static int randomBits(RandomGenerator random) {
        return random.nextInt(0x7FFF) << 1;
    }

    /** A flags word with the given mode and send type. */
    public static int of(GutesMode mode, int sendType) {
        return mode.bits() << 16 | (sendType & 3) << 18;
    }

    /** Flags bits 16..17 (0..3). */
    public static int modeBits(int flags) {
        return (flags & MODE_MASK) >>> 16;
    }

    /** Flags bits 18..19 (0..3). */
    public static int sendType(int flags) {
        return (flags & SEND_TYPE_MASK) >>> 18;
    }

    /** True when the receiver accepts the frame without checking the checksum (bit 21). */
    public static boolean skipsChecksum(int flags) {
        return (flags & SKIP_CHECKSUM) != 0;
    }

    /**
     * The protected length L (§5.3): the part of the payload covered by checksum and encryption,
     * {@code length − 24 − 80·bit22 − 16·bit24}, and 0 if negative.
     */
    public static int protectedLength(int length, int flags) {
        int l = length - GutesHeader.SIZE;
        if ((flags & SIGNATURE) != 0) {
            l -= SIGNATURE_LENGTH;
        }
        if ((flags & TIME_TRAILER) != 0) {
            l -= TIME_TRAILER_LENGTH;
        }
        return Math.max(0, l);
    }
}
