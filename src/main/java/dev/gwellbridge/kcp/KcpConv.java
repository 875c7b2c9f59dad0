package dev.gwellbridge.kcp;

/**
 * The two KCP conversations of a call, derived from its linkId (GWELL-PROTOCOL.md §9.2). Example:
 * linkId 0x1A2B3C4D gives DATA 0x1A2B3C4D and CTRL 0x9A2B3C4D.
 */
public final class KcpConv {
    private KcpConv() {}

    /** DATA conv: {@code linkId & 0x7FFFFFFF}. */
    public static int data(int linkId) {
        return linkId & 0x7FFF_FFFF;
    }

    /** CTRL conv: {@code linkId | 0x80000000}. */
    public static int ctrl(int linkId) {
        return linkId | 0x8000_0000;
    }

    /** Whether a conv is a CTRL conv (top bit set). */
    public static boolean isCtrl(int conv) {
        return conv < 0;
    }
}
