package dev.gwellbridge.crypto;

/** Little-endian loads and stores on byte arrays (the protocol's default byte order). */
public final class Le {
    private Le() {}

    public static int uint8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    public static int uint16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public static int int32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    public static long uint32(byte[] b, int off) {
        return int32(b, off) & 0xFFFF_FFFFL;
    }

    public static long int64(byte[] b, int off) {
        return (int32(b, off) & 0xFFFF_FFFFL) | ((long) int32(b, off + 4)) << 32;
    }

    public static void putInt16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    public static void putInt32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    public static void putInt64(byte[] b, int off, long v) {
        putInt32(b, off, (int) v);
        putInt32(b, off + 4, (int) (v >>> 32));
    }
}
