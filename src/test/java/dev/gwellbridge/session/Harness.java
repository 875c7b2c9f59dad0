package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Runs a {@link SessionMachine} against {@link FakePeers} on a virtual clock: every hop takes
 * {@link #latency} ms, time jumps straight to the next wake-up of either side. Nothing sleeps and
 * nothing touches the network. Records what the machine sent and emitted.
 */
final class Harness {
    static final Ipv4Endpoint CLIENT = Ipv4Endpoint.parse("127.0.0.1:40000");
    static final Ipv4Endpoint SERVER = Ipv4Endpoint.parse("127.0.0.1:28800");
    static final Ipv4Endpoint CAMERA = Ipv4Endpoint.parse("127.0.0.1:47001");
    static final long START = 1_700_000_000_000L;

    /** A datagram or TCP write the machine made, at a virtual time. */
    record Sent(long at, SessionAction action) {
        Ipv4Endpoint to() {
            return action instanceof SessionAction.SendDatagram d ? d.to() : null;
        }

        byte[] data() {
            if (action instanceof SessionAction.SendDatagram d) {
                return d.data();
            }
            return action instanceof SessionAction.SendTcp t ? t.data() : null;
        }
    }

    private record Delivery(long at, long seq, Runnable run) {}

    final FakePeers peers;
    final SessionMachine machine;
    long now = START;
    long latency = 1;
    final List<Sent> sent = new ArrayList<>();
    final List<SessionEvent> events = new ArrayList<>();
    final ByteArrayOutputStream video = new ByteArrayOutputStream();
    /** Packets for which this returns true are lost, in either direction. */
    Predicate<PeerPacket> drop = p -> false;

    private final PriorityQueue<Delivery> queue =
            new PriorityQueue<>(Comparator.comparingLong(Delivery::at).thenComparingLong(Delivery::seq));
    private long seq;

    Harness(FakePeers peers, SessionConfig config, SessionEntropy entropy) {
        this.peers = peers;
        this.machine = new SessionMachine(config, entropy);
    }

    /** A LAN camera session against default peers, loopback allowed, server configured. */
    static Harness lan() {
        FakePeers peers = new FakePeers(SERVER, CAMERA);
        return new Harness(peers, lanConfig().build(), entropy(1));
    }

    static SessionConfig.Builder lanConfig() {
        return SessionConfig.builder(FakePeers.credentials(), FakePeers.DEVICE_ID)
                .cameraLanIp(Ipv4.parse("127.0.0.1"))
                .viewerLanIp(Ipv4.parse("127.0.0.1"))
                .localPort(CLIENT.port())
                .server(SERVER)
                .lanFilter(LanFilter.defaults().allowingLoopback());
    }

    static SessionEntropy entropy(long seed) {
        return SessionEntropy.from(new java.util.SplittableRandom(seed));
    }

    Harness start() {
        machine.start(now);
        drainMachine();
        return this;
    }

    /** Runs until {@code done} holds, the machine ends, or {@code until} (virtual ms) is reached. */
    Harness runUntil(BooleanSupplier done, long until) {
        Spin spin = new Spin();
        while (!done.getAsBoolean() && !machine.ended()) {
            long next = Math.min(machine.nextWakeup(), peers.nextWakeup());
            Delivery d = queue.peek();
            if (d != null) {
                next = Math.min(next, d.at());
            }
            if (next > until) {
                now = Math.max(now, until);
                machine.onTick(now);
                drainMachine();
                return this;
            }
            spin.check(now, next);
            now = Math.max(now, next);
            while (!queue.isEmpty() && queue.peek().at() <= now) {
                queue.poll().run().run();
            }
            toMachine(peers.onTick(now));
            machine.onTick(now);
            drainMachine();
        }
        return this;
    }

    /** Runs for {@code ms} virtual milliseconds. */
    Harness runFor(long ms) {
        long until = now + ms;
        return runUntil(() -> now >= until, until);
    }

    Harness runUntilStreaming(long boundMs) {
        return runUntil(() -> streaming(), now + boundMs);
    }

    boolean streaming() {
        return events.stream().anyMatch(e -> e instanceof SessionEvent.Streaming);
    }

    private void later(Runnable r) {
        queue.add(new Delivery(now + latency, seq++, r));
    }

    /** Inject a datagram to the machine now (as if from {@code from}). */
    void inject(Ipv4Endpoint from, byte[] data) {
        machine.onDatagram(from, data, now);
        drainMachine();
    }

    void drainMachine() {
        for (SessionAction a : machine.takeActions()) {
            sent.add(new Sent(now, a));
            if (a instanceof SessionAction.SendDatagram d) {
                PeerPacket p = PeerPacket.udp(CLIENT, d.to(), d.data());
                if (!drop.test(p)) {
                    later(() -> toMachine(peers.onUdp(CLIENT, d.to(), d.data(), now)));
                }
            } else if (a instanceof SessionAction.ConnectTcp c) {
                later(() -> {
                    if (peers.acceptsTcp(c.to())) {
                        peers.tcpOpened(c.id(), c.to());
                        machine.onTcpConnected(c.id(), now);
                    } else {
                        machine.onTcpFailed(c.id(), "refused", now);
                    }
                    drainMachine();
                });
            } else if (a instanceof SessionAction.SendTcp t) {
                PeerPacket p = PeerPacket.tcp(t.id(), t.data());
                if (!drop.test(p)) {
                    later(() -> toMachine(peers.onTcp(t.id(), t.data(), now)));
                }
            } else if (a instanceof SessionAction.CloseTcp c) {
                peers.tcpClosed(c.id());
            }
        }
        for (SessionEvent e : machine.takeEvents()) {
            events.add(e);
            if (e instanceof SessionEvent.Video v) {
                video.write(v.buffer(), v.offset(), v.length());
            }
        }
    }

    private void toMachine(List<PeerPacket> packets) {
        for (PeerPacket p : packets) {
            if (drop.test(p)) {
                continue;
            }
            later(() -> {
                if (p.isTcp()) {
                    machine.onTcpFrame(p.tcp(), p.data(), now);
                } else {
                    machine.onDatagram(p.from(), p.data(), now);
                }
                drainMachine();
            });
        }
        drainMachine();
    }

    /** The end event, if the session ended. */
    SessionEvent.Ended ended() {
        return events.stream()
                .filter(SessionEvent.Ended.class::isInstance)
                .map(SessionEvent.Ended.class::cast)
                .findFirst()
                .orElse(null);
    }

    FailureReason failure() {
        SessionEvent.Ended e = ended();
        return e == null ? null : e.reason();
    }

    /** When a phase was reached, or -1. */
    long phaseAt(SessionPhase phase) {
        return events.stream()
                .filter(e -> e instanceof SessionEvent.PhaseReached p && p.phase() == phase)
                .mapToLong(e -> ((SessionEvent.PhaseReached) e).atMillis())
                .findFirst()
                .orElse(-1);
    }

    /** Datagrams sent to {@code to}. */
    List<Sent> sentTo(Ipv4Endpoint to) {
        return sent.stream().filter(s -> to.equals(s.to())).toList();
    }

    /** The kinds of a sent datagram or TCP write (see {@link Kinds}). */
    List<String> kinds(Sent s) {
        if (s.data() == null) {
            return List.of();
        }
        int link = peers.camera.linkId();
        return new Kinds(
                        peers.server.sessionKey,
                        dev.gwellbridge.kcp.KcpConv.data(link),
                        dev.gwellbridge.kcp.KcpConv.ctrl(link))
                .of(s.data());
    }

    /** Sends whose kinds include {@code kind}. */
    List<Sent> sentOfKind(String kind) {
        return sent.stream()
                .filter(s -> s.data() != null && kinds(s).contains(kind))
                .toList();
    }

    /** Times (ms after {@link #START}) of sends whose kinds include {@code kind}. */
    List<Long> timesOf(String kind) {
        return sentOfKind(kind).stream().map(s -> s.at() - START).toList();
    }

    /** The KCP segments of a sent MTP frame (empty for anything else). */
    List<dev.gwellbridge.kcp.KcpSegment> segments(Sent s) {
        byte[] d = s.data();
        List<dev.gwellbridge.kcp.KcpSegment> out = new ArrayList<>();
        if (d == null || d.length == 0 || (d[0] & 0xFF) != 0xC0) {
            return out;
        }
        int link = peers.camera.linkId();
        try {
            var dg = dev.gwellbridge.wire.MtpDatagramParser.parse(
                    d, 0, d.length, dev.gwellbridge.kcp.KcpConv.data(link), dev.gwellbridge.kcp.KcpConv.ctrl(link));
            for (var ref : dg.segments()) {
                out.add(dev.gwellbridge.kcp.KcpSegmentCodec.decode(d, ref.offset(), d.length - ref.offset()));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** When the session started streaming, or -1. */
    long streamingAt() {
        return phaseAt(SessionPhase.STREAMING);
    }

    List<Sent> datagrams() {
        return sent.stream()
                .filter(s -> s.action() instanceof SessionAction.SendDatagram)
                .toList();
    }
}
