package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.StreamHandler;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.camera.TransportPreference;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.CredentialFormatException;
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's session from {@link SessionConnector#open}: maps the request to a {@link
 * SessionConfig} (credential, device id, LAN IP, server, transport preference), obtains the server through the discovery
 * cache, runs the driver and translates its events for the {@link StreamHandler}, which is told
 * exactly once how the session ended. With the {@code relay} preference the camera's LAN IP is not
 * used at all; with {@code lan} and no LAN IP the session ends at once as {@code no_lan_ip}. Runs on
 * the {@code session-<device id>} thread.
 */
final class CameraRun implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraRun.class);

    private final StreamRequest request;
    private final StreamHandler handler;
    private final ConnectorSettings settings;
    private final SessionNetwork network;
    private final DriverClock clock;
    private final Supplier<SessionEntropy> entropy;
    private final ThreadFactory threads;
    private final DiscoveryCache cache;
    private final String label;
    private volatile SessionDriver driver;
    /** The viewer identity whose device list the session caches (set before the session starts). */
    private volatile long accessId;

    private volatile boolean closed;
    private volatile SessionStats finalStats = SessionStats.NONE;

    CameraRun(
            StreamRequest request,
            StreamHandler handler,
            ConnectorSettings settings,
            SessionNetwork network,
            DriverClock clock,
            Supplier<SessionEntropy> entropy,
            ThreadFactory threads,
            DiscoveryCache cache) {
        this.request = request;
        this.handler = handler;
        this.settings = settings;
        this.network = network;
        this.clock = clock;
        this.entropy = entropy;
        this.threads = threads;
        this.cache = cache;
        this.label = request.camera().id().deviceId();
    }

    /** A reason to stop before the driver runs. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final transient FailureReason reason;

        Stop(FailureReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    @Override
    public void run() {
        FailureReason reason = null;
        String detail = "closed";
        try {
            SessionEvent.Ended end = session();
            reason = end.reason();
            detail = end.detail();
        } catch (Stop s) {
            reason = s.reason;
            detail = s.getMessage();
            LOG.info(
                    "Camera {}: session not started ({}): {}",
                    label,
                    reason == null ? "closed" : reason.code(),
                    detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Camera {}: the session failed unexpectedly", label, e);
            reason = FailureReason.INTERNAL;
            detail = e.toString();
        } finally {
            SessionDriver d = driver;
            if (d != null) {
                finalStats = d.stats();
            }
            try {
                handler.onEnded(closed ? null : reason, closed ? "closed" : detail);
            } catch (RuntimeException e) {
                LOG.warn("Camera {}: the handler refused the end: {}", label, e.toString());
            }
        }
    }

    private SessionEvent.Ended session() throws Stop, InterruptedException {
        AccessCredentials credentials = credentials();
        accessId = credentials.accessId();
        TransportPreference transport = request.transport();
        Ipv4 cameraIp = transport == TransportPreference.RELAY ? null : cameraIp();
        if (transport == TransportPreference.LAN && cameraIp == null) {
            throw new Stop(FailureReason.NO_LAN_IP, "transport is lan but the camera's LAN IP is unknown");
        }
        Ipv4Endpoint server;
        List<DeviceEntry> devices;
        if (settings.p2pServer().isPresent()) {
            server = resolve(settings.p2pServer().get());
            devices = cache.devicesFrom(credentials.accessId(), server);
        } else {
            DiscoveryCache.Entry found = discover(credentials);
            server = found.server();
            devices = found.devices();
        }
        if (closed) {
            throw new Stop(null, "closed");
        }
        UdpPort port = openPort();
        SessionConfig config = SessionConfig.builder(credentials, label)
                .cameraLanIp(cameraIp)
                .viewerLanIp(cameraIp == null ? Ipv4.ANY : network.localAddressTowards(cameraIp))
                .localPort(port.localPort())
                .server(server)
                .knownDevices(devices)
                .lanFilter(settings.lanFilter())
                .features(settings.features())
                .stallTimeoutMillis(settings.stallTimeout().toMillis())
                .transport(transport)
                .build();
        LOG.debug(
                "Camera {}: session on local port {} via {}, transport {}",
                label,
                port.localPort(),
                server,
                transport.wire());
        return drive(new SessionMachine(config, entropy.get()), port, this::onEvent);
    }

    private SessionEvent.Ended drive(
            SessionMachine machine, UdpPort port, java.util.function.Consumer<SessionEvent> sink) {
        SessionDriver d = new SessionDriver(machine, port, network, clock, threads, label, sink);
        driver = d;
        if (closed) {
            d.close();
        }
        return d.run();
    }

    private AccessCredentials credentials() throws Stop {
        try {
            return AccessCredentials.parse(
                    request.credential().accessId(), request.credential().accessToken());
        } catch (CredentialFormatException e) {
            throw new Stop(FailureReason.AUTH, "the P2P credential is unusable: " + e.getMessage());
        }
    }

    private Ipv4 cameraIp() {
        String ip = request.camera().lanIp();
        if (ip.isEmpty()) {
            return null;
        }
        try {
            return Ipv4.parse(ip);
        } catch (IllegalArgumentException e) {
            LOG.warn("Camera {}: ignoring the LAN IP '{}': not a dotted IPv4 address", label, ip);
            return null;
        }
    }

    private UdpPort openPort() throws Stop {
        try {
            return network.openUdp();
        } catch (IOException e) {
            throw new Stop(FailureReason.INTERNAL, "cannot open a UDP port: " + e.getMessage());
        }
    }

    /** Resolves {@code host:port}; a name is looked up (IPv4 only). */
    private static Ipv4Endpoint resolve(String hostPort) throws Stop {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new Stop(FailureReason.SERVER_UNREACHABLE, "p2p_server '" + hostPort + "' is not host:port");
        }
        String host = hostPort.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 0xFFFF) {
            throw new Stop(FailureReason.SERVER_UNREACHABLE, "p2p_server '" + hostPort + "' has no valid port");
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a instanceof Inet4Address v4) {
                    return new Ipv4Endpoint(Ipv4.of(v4), port);
                }
            }
        } catch (UnknownHostException e) {
            throw new Stop(FailureReason.SERVER_UNREACHABLE, "cannot resolve the P2P server host '" + host + "'");
        }
        throw new Stop(FailureReason.SERVER_UNREACHABLE, "the P2P server host '" + host + "' has no IPv4 address");
    }

    /** The cached discovery result, or a fresh discovery session's (serialised across cameras). */
    private DiscoveryCache.Entry discover(AccessCredentials credentials) throws Stop, InterruptedException {
        DiscoveryCache.Entry e = cache.current(credentials.accessId(), clock.now());
        if (e != null) {
            return e;
        }
        if (!cache.lock(() -> closed)) {
            throw new Stop(null, "closed");
        }
        try {
            e = cache.current(credentials.accessId(), clock.now());
            if (e != null) {
                return e;
            }
            handler.onPhase("discovery");
            UdpPort port = openPort();
            SessionConfig config = SessionConfig.builder(credentials, label)
                    .mode(SessionMode.DISCOVERY)
                    .localPort(port.localPort())
                    .discovery(settings.discovery())
                    .lanFilter(settings.lanFilter())
                    .build();
            SessionEvent.Ended end = drive(new SessionMachine(config, entropy.get()), port, ev -> {
                if (ev instanceof SessionEvent.Discovered d) {
                    cache.store(credentials.accessId(), d.server(), d.devices(), clock.now());
                    LOG.info(
                            "P2P server {} found; the account lists {} devices",
                            d.server(),
                            d.devices().size());
                }
            });
            e = cache.current(credentials.accessId(), clock.now());
            if (e == null) {
                throw new Stop(
                        end.reason() == null ? FailureReason.SERVER_UNREACHABLE : end.reason(),
                        "discovery: " + end.detail());
            }
            return e;
        } finally {
            cache.unlock();
        }
    }

    private void onEvent(SessionEvent e) {
        if (e instanceof SessionEvent.Video v) {
            handler.onVideo(v.buffer(), v.offset(), v.length());
        } else if (e instanceof SessionEvent.PhaseReached p) {
            handler.onPhase(p.phase().label());
        } else if (e instanceof SessionEvent.Streaming s) {
            handler.onStreaming(s.transport());
        } else if (e instanceof SessionEvent.Discovered d) {
            cache.store(accessId, d.server(), d.devices(), clock.now());
        }
    }

    SessionStats stats() {
        SessionDriver d = driver;
        return d == null ? finalStats : d.stats();
    }

    void close() {
        closed = true;
        SessionDriver d = driver;
        if (d != null) {
            d.close();
        }
    }
}
