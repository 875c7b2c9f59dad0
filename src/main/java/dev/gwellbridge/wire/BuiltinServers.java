package dev.gwellbridge.wire;

import java.util.List;

/**
 * The addresses built into the reference client (GWELL-PROTOCOL.md §7.1): literal IPv4 addresses,
 * no DNS. Discovery against the list servers is reported to time out in practice, so the P2P list
 * (or a cached address) is what gets used.
 */
public final class BuiltinServers {
    /** P2P servers in probing order. */
    public static final List<ServerAddress> P2P_SERVERS = List.of(
            server("3.13.212.24:28800", 49),
            server("52.201.137.206:28800", 59),
            server("35.81.136.54:8000", 38),
            server("54.208.16.245:443", 58),
            server("44.238.104.252:443", 18),
            server("52.40.221.253:51705", 28),
            server("3.131.23.11:8443", 48));

    /** List servers (UDP) that answer ListFrmRequest. */
    public static final List<Ipv4Endpoint> LIST_SERVERS = List.of(
            Ipv4Endpoint.parse("34.215.36.59:51701"),
            Ipv4Endpoint.parse("18.118.90.161:51701"),
            Ipv4Endpoint.parse("35.85.21.174:51701"));

    private BuiltinServers() {}

    private static ServerAddress server(String endpoint, int serverId) {
        return new ServerAddress(Ipv4Endpoint.parse(endpoint), serverId);
    }
}
