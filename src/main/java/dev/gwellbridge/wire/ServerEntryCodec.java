package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Codec of {@link ServerEntry} (GWELL-PROTOCOL.md §7.3). Note the big-endian ports, the one
 * exception to the protocol's little-endian rule besides IPv4 addresses.
 *
 * <pre>
 * Off Size Field
 * 0   4    IPv4, network order
 * 4   16   IPv6 (zero if none)
 * 20  2    LE16 IP version (1 = IPv4)
 * 22  2    LE16 server id
 * 24  2    big-endian port
 * 26  2    big-endian second port (usually equal)
 * 28  4    LE32 timestamp / level
 * 32  4    reserved (written as 0)
 * </pre>
 */
public final class ServerEntryCodec {
    /** Entry size. */
    public static final int SIZE = 36;

    private ServerEntryCodec() {}

    /** The 36 bytes of {@code entry}. */
    public static byte[] encode(ServerEntry entry) {
        byte[] b = new byte[SIZE];
        write(entry, b, 0);
        return b;
    }

    static void write(ServerEntry e, byte[] b, int off) {
        e.ip().write(b, off);
        e.ipv6().copyTo(b, off + 4);
        Le.putInt16(b, off + 20, e.ipVersion());
        Le.putInt16(b, off + 22, e.serverId());
        putBe16(b, off + 24, e.port());
        putBe16(b, off + 26, e.secondPort());
        Le.putInt32(b, off + 28, e.level());
    }

    /** Reads the entry at {@code b[off..off+36)}. */
    public static ServerEntry decode(byte[] b, int off) throws FrameException {
        if (off < 0 || off > b.length - SIZE) {
            throw new FrameException("server-entry: 36 bytes do not fit at offset " + off);
        }
        return read(b, off);
    }

    /** Reads an entry whose bounds the caller has checked. */
    static ServerEntry read(byte[] b, int off) {
        return new ServerEntry(
                Ipv4.read(b, off),
                Octets.of(b, off + 4, 16),
                Le.uint16(b, off + 20),
                Le.uint16(b, off + 22),
                be16(b, off + 24),
                be16(b, off + 26),
                Le.int32(b, off + 28));
    }

    private static int be16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    private static void putBe16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }
}
