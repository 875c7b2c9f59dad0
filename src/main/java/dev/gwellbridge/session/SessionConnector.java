package dev.gwellbridge.session;

import dev.gwellbridge.camera.ConnectionStats;
import dev.gwellbridge.camera.StreamConnection;
import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.camera.StreamHandler;
import dev.gwellbridge.camera.StreamRequest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session layer's {@link StreamConnector}: {@link #open} starts one {@link SessionDriver} per
 * camera on a {@code session-<device id>} thread and returns at once.
 *
 * <p>Discovery once (GWELL-PROTOCOL.md §11.9): without a configured P2P server, the first session
 * that needs one runs a short discovery session (connect, certify, init-info) that learns a working
 * server and the account's device list; later sessions get that server (no probing) and the list,
 * and each still sends its own InitInfoMsg for its routing id. {@link #invalidateDiscovery()} forgets
 * the result. Thread-safe.
 */
public final class SessionConnector implements StreamConnector {
    private static final Logger LOG = LoggerFactory.getLogger(SessionConnector.class);

    private final ConnectorSettings settings;
    private final SessionNetwork network;
    private final Supplier<DriverClock> clocks;
    private final Supplier<SessionEntropy> entropy;
    private final ThreadFactory threads;
    private final DiscoveryCache cache;

    /** Sessions on real sockets, with the system clock and a {@link SecureRandom}. */
    public SessionConnector(ConnectorSettings settings, ThreadFactory threads) {
        this(
                settings,
                new SocketNetwork(),
                DriverClock::system,
                () -> SessionEntropy.from(new SecureRandom()),
                threads);
    }

    /** Everything injected (tests, the simulator's harness). */
    public SessionConnector(
            ConnectorSettings settings,
            SessionNetwork network,
            Supplier<DriverClock> clocks,
            Supplier<SessionEntropy> entropy,
            ThreadFactory threads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.network = Objects.requireNonNull(network, "network");
        this.clocks = Objects.requireNonNull(clocks, "clocks");
        this.entropy = Objects.requireNonNull(entropy, "entropy");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.cache = new DiscoveryCache(settings.discoveryValidity().toMillis());
    }

    @Override
    public StreamConnection open(StreamRequest request, StreamHandler handler) {
        CameraRun run = new CameraRun(request, handler, settings, network, clocks.get(), entropy, threads, cache);
        Thread t = threads.newThread(run);
        t.setName("session-" + request.camera().id().deviceId());
        t.setDaemon(true);
        t.start();
        return new StreamConnection() {
            @Override
            public ConnectionStats stats() {
                return run.stats().toConnectionStats();
            }

            @Override
            public void close() {
                run.close();
            }
        };
    }

    @Override
    public void invalidateDiscovery() {
        LOG.info("Forgetting the discovered P2P server and device list");
        cache.invalidate();
    }
}
