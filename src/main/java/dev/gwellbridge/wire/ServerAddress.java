package dev.gwellbridge.wire;

/**
 * A P2P server to probe.
 *
 * @param endpoint UDP address (the same IP:port also accepts TCP relay connections)
 * @param serverId the server id of the list entry
 */
public record ServerAddress(Ipv4Endpoint endpoint, int serverId) {
    @Override
    public String toString() {
        return endpoint + "#" + serverId;
    }
}
