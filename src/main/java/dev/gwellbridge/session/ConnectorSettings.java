package dev.gwellbridge.session;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SessionConnector} runs sessions.
 *
 * @param p2pServer {@code host:port} of the P2P server to use instead of discovery (the {@code
 *     --p2p-server} option, add-on option {@code p2p_server}); empty = discover
 * @param lanFilter the address ranges that count as LAN (default 10/8 and 192.168/16; loopback only
 *     when explicitly allowed)
 * @param features the fork's behaviours (all on by default)
 * @param stallTimeout a streaming session that delivers no H.264 for this long ends as {@code
 *     stream_stalled}; zero = never (the supervisor has its own deadman)
 * @param discoveryValidity how long a discovered server and device list are reused
 * @param discovery where discovery looks
 */
public record ConnectorSettings(
        Optional<String> p2pServer,
        LanFilter lanFilter,
        ForkFeatures features,
        Duration stallTimeout,
        Duration discoveryValidity,
        DiscoveryTargets discovery) {

    /** Discover the server, default LAN ranges, fork behaviours, 60 s stall window, 7-day cache. */
    public static final ConnectorSettings DEFAULT = new ConnectorSettings(
            Optional.empty(),
            LanFilter.defaults(),
            ForkFeatures.FORK,
            Duration.ofSeconds(60),
            Duration.ofDays(7),
            DiscoveryTargets.BUILT_IN);

    public ConnectorSettings {
        Objects.requireNonNull(p2pServer, "p2pServer");
        Objects.requireNonNull(lanFilter, "lanFilter");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(discoveryValidity, "discoveryValidity");
        Objects.requireNonNull(discovery, "discovery");
        p2pServer = p2pServer.map(String::trim).filter(s -> !s.isEmpty());
        if (stallTimeout.isNegative()) {
            throw new IllegalArgumentException("stall timeout must not be negative");
        }
    }

    public ConnectorSettings withP2pServer(String hostPort) {
        return new ConnectorSettings(
                Optional.ofNullable(hostPort), lanFilter, features, stallTimeout, discoveryValidity, discovery);
    }

    public ConnectorSettings withLanFilter(LanFilter f) {
        return new ConnectorSettings(p2pServer, f, features, stallTimeout, discoveryValidity, discovery);
    }

    public ConnectorSettings withFeatures(ForkFeatures f) {
        return new ConnectorSettings(p2pServer, lanFilter, f, stallTimeout, discoveryValidity, discovery);
    }

    public ConnectorSettings withStallTimeout(Duration d) {
        return new ConnectorSettings(p2pServer, lanFilter, features, d, discoveryValidity, discovery);
    }

    public ConnectorSettings withDiscovery(DiscoveryTargets d) {
        return new ConnectorSettings(p2pServer, lanFilter, features, stallTimeout, discoveryValidity, d);
    }
}
