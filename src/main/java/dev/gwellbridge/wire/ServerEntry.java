package dev.gwellbridge.wire;

/**
 * One 36-byte P2P server-list entry (GWELL-PROTOCOL.md §7.3). See {@link ServerEntryCodec}.
 *
 * @param ip IPv4 address (0.0.0.0 entries are skipped in lists)
 * @param ipv6 16-byte IPv6 address, zero if none
 * @param ipVersion 1 = IPv4
 * @param serverId server id
 * @param port UDP port (big-endian on the wire)
 * @param secondPort second port, usually equal (big-endian on the wire)
 * @param level the 32-bit timestamp/level field
 */
public record ServerEntry(Ipv4 ip, Octets ipv6, int ipVersion, int serverId, int port, int secondPort, int level) {
    /** IP version value of an IPv4 entry. */
    public static final int IP_VERSION_4 = 1;

    public ServerEntry {
        if (ipv6.length() != 16) {
            throw new IllegalArgumentException("IPv6 field is 16 bytes");
        }
        for (int v : new int[] {ipVersion, serverId, port, secondPort}) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("16-bit field out of range: " + v);
            }
        }
    }

    /** An IPv4 entry with equal ports. */
    public static ServerEntry ipv4(ServerAddress address) {
        return new ServerEntry(
                address.endpoint().ip(),
                Octets.zeros(16),
                IP_VERSION_4,
                address.serverId(),
                address.endpoint().port(),
                address.endpoint().port(),
                0);
    }

    /** The address, id and first port of this entry. */
    public ServerAddress address() {
        return new ServerAddress(new Ipv4Endpoint(ip, port), serverId);
    }
}
