package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.Calling;
import dev.gwellbridge.wire.CallingAck;
import dev.gwellbridge.wire.DetectReq2;
import dev.gwellbridge.wire.DetectResp;
import dev.gwellbridge.wire.DeviceList;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.GutesRoute;
import dev.gwellbridge.wire.InitInfoMsg;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.Octets;
import dev.gwellbridge.wire.PassthroughCodec;
import dev.gwellbridge.wire.PassthroughData;
import dev.gwellbridge.wire.RelayEntry;
import dev.gwellbridge.wire.ResResponse;
import dev.gwellbridge.wire.RoutingId;
import dev.gwellbridge.wire.Subscribe;
import dev.gwellbridge.wire.SubscribeResp;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated P2P server's UDP side (GWELL-PROTOCOL.md §13.1): login, init-info, subscribe,
 * calling, probes and PASSTHROUGH, each answered as the document describes, with the configured
 * quirks, seeded impairment in both directions and the checks that record client violations
 * (KCP sent to the server, heartbeats too often while streaming).
 *
 * <p>Sans-IO, confined to the simulator's loop thread.
 */
final class SimServer implements PassthroughSender {
    private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);

    /** What the server needs from the rest of the simulator. */
    interface World {
        /** Whether a camera is streaming to the client at this address. */
        boolean streamingTo(InetSocketAddress client);

        /** The server dropped this client: its calls end. */
        void clientGone(InetSocketAddress client, long now);
    }

    private final InetSocketAddress address;
    private final SimMode mode;
    private final ServerBehaviour behaviour;
    private final CertifyDesk desk;
    private final Violations violations;
    private final World world;
    private final RandomGenerator ids;
    private final RandomGenerator strays;
    private final long start;
    private final ImpairedLink<Datagram> up;
    private final ImpairedLink<Datagram> down;
    private final Map<InetSocketAddress, ServerSession> sessions = new HashMap<>();
    private long lastCertifyAt = Long.MIN_VALUE / 2;
    private long nextStrayAt;
    private long undecodable;

    SimServer(
            InetSocketAddress address,
            SimulatorConfig config,
            Map<Long, SimAccount> accounts,
            SimRandom random,
            Violations violations,
            PeerOutput out,
            World world,
            long start) {
        this.address = address;
        this.mode = config.mode();
        this.behaviour = config.serverBehaviour();
        this.desk = new CertifyDesk(accounts, behaviour);
        this.violations = violations;
        this.world = world;
        this.ids = random.derive("server-ids");
        this.strays = random.derive("server-strays");
        this.start = start;
        this.up = new ImpairedLink<>(config.serverImpairment(), random.derive("server-up"), start, this::process);
        this.down = new ImpairedLink<>(
                config.serverImpairment(),
                random.derive("server-down"),
                start,
                (g, now) -> out.udp(PeerOutput.SERVER, g.peer(), g.bytes()));
        this.nextStrayAt = start + behaviour.strayIntervalMs();
    }

    /** A datagram at the server's UDP socket. */
    void onUdp(InetSocketAddress from, byte[] d, long now) {
        audit(from, d, now);
        up.offer(new Datagram(from, d), now);
    }

    void tick(long now) {
        up.drain(now);
        down.drain(now);
        List<ServerSession> gone = new ArrayList<>();
        for (ServerSession s : sessions.values()) {
            if (now >= s.teardownAt()) {
                gone.add(s);
            }
        }
        for (ServerSession s : gone) {
            LOG.info("server: ending the session of {}, which sent KCP to the server", s.client());
            sessions.remove(s.client());
            world.clientGone(s.client(), now);
        }
        if (behaviour.strayIntervalMs() > 0 && now >= nextStrayAt) {
            for (ServerSession s : sessions.values()) {
                send(s.client(), StrayFrames.next(strays, s.sessionKey()), now);
            }
            nextStrayAt = now + behaviour.strayIntervalMs();
        }
    }

    long nextWakeup() {
        long t = Math.min(up.nextDue(), down.nextDue());
        for (ServerSession s : sessions.values()) {
            t = Math.min(t, s.teardownAt());
        }
        return behaviour.strayIntervalMs() > 0 && !sessions.isEmpty() ? Math.min(t, nextStrayAt) : t;
    }

    /** The certified session of the client at {@code client}, or null. */
    ServerSession session(InetSocketAddress client) {
        return sessions.get(client);
    }

    /** Datagrams that did not decode (other sessions' keys, garbage). */
    long undecodable() {
        return undecodable;
    }

    /** Both directions of the server's UDP link lose everything for {@code durationMs} from now. */
    void blackout(long durationMs, long now) {
        up.blackout(now, now + durationMs);
        down.blackout(now, now + durationMs);
    }

    /** The server's two impaired links. */
    List<ImpairedLink<?>> links() {
        return List.of(up, down);
    }

    @Override
    public void sendToViewer(CallInfo call, long cameraTid, byte[] mtpFrame, long now) {
        PassthroughData d = new PassthroughData(
                call.routingId(), 0, cameraTid, call.accessId(), call.linkId(), Octets.of(mtpFrame));
        send(call.client(), PassthroughCodec.INSTANCE.encode(d, call.sessionKey()), now);
    }

    private void send(InetSocketAddress to, byte[] wire, long now) {
        down.offer(new Datagram(to, wire), now);
    }

    /** Checks the client's behaviour on the wire, before simulated loss. */
    private void audit(InetSocketAddress from, byte[] d, long now) {
        ServerSession s = sessions.get(from);
        if (d.length < 2 || s == null) {
            return;
        }
        if ((d[0] & 0xFF) == MtpFrame.MAGIC) {
            if (carriesKcp(d) && s.kcpSeen()) {
                violations.record(ViolationKind.KCP_TO_SERVER, "server", now - start, "KCP segments from " + from);
                if (behaviour.kcpTeardownMs() > 0) {
                    s.scheduleTeardown(now + behaviour.kcpTeardownMs());
                }
            }
        } else if ((d[1] & 0xFF) == GutesMessage.SUB_HEARTBEAT) {
            long gap = s.heartbeat(now, world.streamingTo(from));
            if (gap >= 0 && gap < behaviour.heartbeatMinIntervalMs()) {
                violations.record(
                        ViolationKind.HEARTBEAT_TOO_FREQUENT,
                        "server",
                        now - start,
                        "heartbeats " + gap + " ms apart while streaming");
            }
        }
    }

    /** A standard-header MTP datagram with KCP segments (extended frames are relay traffic). */
    private static boolean carriesKcp(byte[] d) {
        try {
            MtpDatagram m = MtpDatagramParser.parse(d, 0, d.length, 0, 0);
            return !m.extended() && !m.segments().isEmpty();
        } catch (FrameException e) {
            return false;
        }
    }

    private void process(Datagram g, long now) {
        byte[] d = g.bytes();
        if (d.length < 2 || (d[0] & 0xFF) == MtpFrame.MAGIC) {
            return; // relay registrations and extended frames to the advertised relay: accepted, not relayed
        }
        int subtype = d[1] & 0xFF;
        if (subtype == GutesMessage.SUB_CERTIFY_REQ) {
            certify(g, now);
            return;
        }
        ServerSession s = sessions.get(g.peer());
        GutesMessage m;
        try {
            m = GutesClassifier.atPeer(d, s == null ? null : s.sessionKey(), null);
        } catch (FrameException e) {
            undecodable++;
            LOG.debug("server: dropped {} bytes from {}: {}", d.length, g.peer(), e.getMessage());
            return;
        }
        if (m instanceof DetectReq2 probe) {
            if (now - lastCertifyAt >= behaviour.detectIgnoreWindowMs()) {
                send(
                        g.peer(),
                        GutesCodecs.encode(DetectResp.of(GutesRoute.access(probe.id()), probe.sqnum()), null),
                        now);
            }
        } else if (s == null) {
            undecodable++;
        } else if (m instanceof InitInfoMsg init) {
            initInfo(s, init.sqnum(), now);
        } else if (m instanceof Subscribe sub) {
            send(s.client(), GutesCodecs.encode(SubscribeResp.of(s.routingId(), sub.sqnum()), s.sessionKey()), now);
        } else if (m instanceof Calling c) {
            calling(s, c, now);
        } else if (m instanceof PassthroughData p && mode == SimMode.RELAY_ONLY) {
            SimCamera camera = s.account().camera(p.cameraTid());
            if (camera != null) {
                camera.onPassthrough(s.client(), p.payload().toByteArray(), now);
            }
        }
    }

    private void certify(Datagram g, long now) {
        lastCertifyAt = now;
        CertifyDesk.Outcome o = desk.verify(
                g.bytes(), nonZero(), (kind, detail) -> violations.record(kind, "server", now - start, detail));
        if (o.accepted()) {
            ServerSession previous = sessions.get(g.peer());
            long routingId = previous != null && previous.account() == o.account() ? previous.routingId() : nonZero();
            sessions.put(g.peer(), new ServerSession(g.peer(), o.account(), o.sessionKey(), routingId));
            LOG.debug("server: certified {}", g.peer());
        }
        if (o.reply() != null) {
            send(g.peer(), o.reply(), now);
        }
    }

    private void initInfo(ServerSession s, int sqnum, long now) {
        send(s.client(), GutesCodecs.encode(RoutingId.of(s.routingId(), sqnum), s.sessionKey()), now);
        SimAccount account = s.account();
        if (!(behaviour.deviceListCaching() && account.listCachedFor(s.routingId()))) {
            DeviceList list = DeviceList.of(s.routingId(), sqnum, account.deviceEntries());
            send(s.client(), GutesCodecs.encode(list, s.sessionKey()), now);
            account.listSentTo(s.routingId());
        }
        if (behaviour.strayIntervalMs() > 0) {
            send(s.client(), StrayFrames.next(strays, s.sessionKey()), now);
        }
    }

    private void calling(ServerSession s, Calling c, long now) {
        SimCamera camera = s.account().camera(c.cameraTid());
        if (camera == null) {
            violations.record(
                    ViolationKind.CALLING_UNKNOWN_DEVICE,
                    "server",
                    now - start,
                    "CALLING for TID " + Long.toHexString(c.cameraTid()) + ", not in the device list");
            return;
        }
        camera.onCall(
                new CallInfo(
                        c.linkId(),
                        Rc5x32.of(c.mtpKey().toByteArray()),
                        c.accessId(),
                        s.routingId(),
                        s.sessionKey(),
                        s.client()),
                now);
        if (mode == SimMode.RELAY_ONLY) {
            send(
                    s.client(),
                    GutesCodecs.encode(
                            CallingAck.of(s.routingId(), c.sqnum(), new Ipv4Endpoint(Ipv4.ANY, 0)), s.sessionKey()),
                    now);
            return;
        }
        Ipv4 ip = ipv4(camera.address());
        int port = camera.address().getPort();
        send(
                s.client(),
                GutesCodecs.encode(CallingAck.of(s.routingId(), c.sqnum(), new Ipv4Endpoint(ip, port)), s.sessionKey()),
                now);
        List<RelayEntry> relays = behaviour.advertiseRelay()
                ? List.of(new RelayEntry(
                        nonZero(), RelayEntry.FLAG_TCP, new Ipv4Endpoint(ipv4(address), address.getPort())))
                : List.of();
        ResResponse res = ResResponse.of(s.routingId(), c.sqnum(), port, port, port, ip, relays);
        send(s.client(), GutesCodecs.encode(res, s.sessionKey()), now);
    }

    private long nonZero() {
        long v;
        do {
            v = ids.nextLong();
        } while (v == 0);
        return v;
    }

    private static Ipv4 ipv4(InetSocketAddress a) {
        if (!(a.getAddress() instanceof Inet4Address v4)) {
            throw new IllegalStateException("the simulator needs an IPv4 bind address, not " + a);
        }
        return Ipv4.of(v4);
    }
}
