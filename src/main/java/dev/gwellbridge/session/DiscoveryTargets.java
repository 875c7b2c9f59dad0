package dev.gwellbridge.session;

import dev.gwellbridge.wire.BuiltinServers;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.ServerAddress;
import java.util.List;

/**
 * Where server discovery looks (GWELL-PROTOCOL.md §7): the list servers asked for a server list, and
 * the P2P servers probed in order when no list server answers.
 *
 * @param listServers UDP list servers (ListFrmRequest)
 * @param p2pServers P2P servers in probing order
 */
public record DiscoveryTargets(List<Ipv4Endpoint> listServers, List<ServerAddress> p2pServers) {
    /** The addresses built into the reference client. */
    public static final DiscoveryTargets BUILT_IN =
            new DiscoveryTargets(BuiltinServers.LIST_SERVERS, BuiltinServers.P2P_SERVERS);

    public DiscoveryTargets {
        listServers = List.copyOf(listServers);
        p2pServers = List.copyOf(p2pServers);
    }
}
