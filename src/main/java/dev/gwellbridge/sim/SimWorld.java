package dev.gwellbridge.sim;

import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's sans-IO core: one P2P server and its cameras, driven by received traffic and the
 * clock, writing through a {@link PeerOutput}. The socket loop drives it with the real clock; unit
 * tests drive it with a virtual one and read what it sent.
 *
 * <p>Confined to one thread: every method must be called from the thread that drives the loop.
 */
final class SimWorld implements SimServer.World, PassthroughSender {
    private final SimServer server;
    private final List<SimCamera> cameras = new ArrayList<>();
    private final RelayDesk relays;
    private final Violations violations;

    /**
     * @param serverAddress the server's UDP (and TCP) address
     * @param identities one per camera
     * @param cameraAddresses each camera's UDP address, in the same order
     * @param start the clock value at the simulator's start
     * @param wall wall-clock time for the fields that carry it (meter requests)
     */
    SimWorld(
            SimulatorConfig config,
            InetSocketAddress serverAddress,
            List<CameraIdentity> identities,
            List<InetSocketAddress> cameraAddresses,
            VideoSource source,
            PeerOutput out,
            Violations violations,
            long start,
            InstantSource wall) {
        if (identities.size() != cameraAddresses.size()) {
            throw new IllegalArgumentException("one address per camera");
        }
        this.violations = violations;
        SimRandom random = new SimRandom(config.seed());
        Map<Long, SimAccount> accounts = new HashMap<>();
        for (int i = 0; i < identities.size(); i++) {
            CameraIdentity id = identities.get(i);
            SimCamera camera = new SimCamera(
                    i,
                    id,
                    cameraAddresses.get(i),
                    config,
                    random,
                    source,
                    violations,
                    out,
                    this,
                    this::convOwner,
                    wall,
                    start);
            cameras.add(camera);
            accounts.computeIfAbsent(id.credentials().accessId(), k -> new SimAccount(id.credentials()))
                    .add(camera);
        }
        this.server = new SimServer(serverAddress, config, accounts, random, violations, out, this, start);
        this.relays = new RelayDesk(this::cameraByTid, out);
    }

    /** A datagram arrived at {@code socket} ({@link PeerOutput#SERVER} or a camera index). */
    void onUdp(int socket, InetSocketAddress from, byte[] datagram, long now) {
        if (socket == PeerOutput.SERVER) {
            server.onUdp(from, datagram, now);
        } else {
            cameras.get(socket).onUdp(from, datagram, now);
        }
    }

    /** Bytes arrived on a TCP connection to the server's port. */
    void onTcpData(RelayLink link, byte[] data, int off, int len, long now) {
        relays.onData(link, data, off, len, now);
    }

    /** A TCP connection to the server's port was closed by its peer. */
    void onTcpClosed(RelayLink link) {
        relays.onClosed(link);
    }

    /** Runs every timer that is due. */
    void tick(long now) {
        server.tick(now);
        for (SimCamera c : cameras) {
            c.tick(now);
        }
    }

    /** The clock value at which {@link #tick} next has work; the loop may call it earlier. */
    long nextWakeup(long now) {
        long t = server.nextWakeup();
        for (SimCamera c : cameras) {
            t = Math.min(t, c.nextWakeup(now));
        }
        return t;
    }

    /** The counters of the core; the loop adds its own send failures. */
    SimCounters counters(long sendFailures) {
        List<ImpairedLink<?>> links = new ArrayList<>(server.links());
        for (SimCamera c : cameras) {
            links.addAll(c.links());
        }
        long offered = 0;
        long lost = 0;
        long duplicated = 0;
        for (ImpairedLink<?> l : links) {
            offered += l.offered();
            lost += l.lost();
            duplicated += l.duplicated();
        }
        return new SimCounters(offered, lost, duplicated, server.undecodable(), relays.refused(), sendFailures);
    }

    List<SimCamera> cameras() {
        return cameras;
    }

    SimServer server() {
        return server;
    }

    Violations violations() {
        return violations;
    }

    @Override
    public boolean streamingTo(InetSocketAddress client) {
        for (SimCamera c : cameras) {
            CameraSession s = c.session();
            if (s != null && s.streaming() && s.call().client().equals(client)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void clientGone(InetSocketAddress client, long now) {
        for (SimCamera c : cameras) {
            c.onClientGone(client, now);
        }
    }

    @Override
    public void sendToViewer(CallInfo call, long cameraTid, byte[] mtpFrame, long now) {
        server.sendToViewer(call, cameraTid, mtpFrame, now);
    }

    private String convOwner(int conv) {
        for (SimCamera c : cameras) {
            if (c.ownsConv(conv)) {
                return c.identity().deviceId();
            }
        }
        return null;
    }

    private SimCamera cameraByTid(long tid) {
        for (SimCamera c : cameras) {
            if (c.identity().tid() == tid) {
                return c;
            }
        }
        return null;
    }
}
