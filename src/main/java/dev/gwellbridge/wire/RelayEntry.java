package dev.gwellbridge.wire;

/**
 * One IPv4 relay of an MTP_RES_RESPONSE (GWELL-PROTOCOL.md §6.9).
 *
 * <pre>
 * Off Size Field
 * 0   8    LE64 relay session id (parsed, never used by the client)
 * 8   2    LE16 flags; bit 2 (0x0004) = relay accepts TCP
 * 10  2    LE16 port
 * 12  4    IPv4, network order
 * </pre>
 *
 * @param sessionId relay session id
 * @param flags 16-bit flags
 * @param endpoint relay address
 */
public record RelayEntry(long sessionId, int flags, Ipv4Endpoint endpoint) {
    /** Size of one entry. */
    public static final int SIZE = 16;
    /** Flag: the relay accepts TCP. */
    public static final int FLAG_TCP = 0x0004;

    public RelayEntry {
        if (flags < 0 || flags > 0xFFFF) {
            throw new IllegalArgumentException("relay flags are 16 bits");
        }
    }

    /** True when the relay accepts TCP. */
    public boolean tcp() {
        return (flags & FLAG_TCP) != 0;
    }
}
