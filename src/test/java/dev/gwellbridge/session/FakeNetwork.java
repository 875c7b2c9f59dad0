package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An in-memory {@link SessionNetwork}: every UDP port opened gets its own world of {@link
 * FakePeers}, answered synchronously from {@link UdpPort#send}; TCP is refused. Works with {@link
 * VirtualClock}, which ticks the world of the session thread's port. No real socket is touched.
 */
final class FakeNetwork implements SessionNetwork {
    private final IntFunction<FakePeers> worlds;
    private final Map<Thread, Port> byThread = new ConcurrentHashMap<>();
    final List<Port> ports = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextPort = new AtomicInteger(40_000);
    final AtomicInteger tcpAttempts = new AtomicInteger();
    /** Sends to fail before the next one goes through. */
    final AtomicInteger failSends = new AtomicInteger();

    VirtualClock clock;

    /** @param worlds a fresh world for the n-th port opened (0-based) */
    FakeNetwork(IntFunction<FakePeers> worlds) {
        this.worlds = worlds;
    }

    @Override
    public UdpPort openUdp() {
        Port p = new Port(nextPort.getAndIncrement(), worlds.apply(ports.size()));
        ports.add(p);
        byThread.put(Thread.currentThread(), p);
        return p;
    }

    @Override
    public TcpLink connect(Ipv4Endpoint to, int timeoutMillis) throws IOException {
        tcpAttempts.incrementAndGet();
        throw new IOException("connection refused");
    }

    @Override
    public Ipv4 localAddressTowards(Ipv4 target) {
        return Ipv4.parse("127.0.0.1");
    }

    /** Lets {@code t} drive the world of {@code p} (a port opened on another thread). */
    void bind(Thread t, Port p) {
        byThread.put(t, p);
    }

    Port portOf(Thread t) {
        return byThread.get(t);
    }

    /** One fake UDP port and its world. */
    final class Port implements UdpPort {
        final int port;
        final Ipv4Endpoint self;
        final FakePeers world;
        final List<Harness.Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final BlockingQueue<Datagram> inbound = new LinkedBlockingQueue<>();
        private final AtomicInteger pending = new AtomicInteger();
        private boolean outstanding;
        volatile boolean closed;

        Port(int port, FakePeers world) {
            this.port = port;
            this.self = new Ipv4Endpoint(Ipv4.parse("127.0.0.1"), port);
            this.world = world;
        }

        @Override
        public int localPort() {
            return port;
        }

        @Override
        public void send(Ipv4Endpoint to, byte[] data) throws IOException {
            if (failSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IOException("injected send failure");
            }
            long now = clock.now();
            sent.add(new Harness.Sent(now, new SessionAction.SendDatagram(to, data)));
            deliver(world.onUdp(self, to, data, now));
        }

        void tick(long now) {
            deliver(world.onTick(now));
        }

        private void deliver(List<PeerPacket> packets) {
            for (PeerPacket p : packets) {
                if (!p.isTcp() && self.equals(p.to())) {
                    pending.incrementAndGet();
                    inbound.add(new Datagram(p.from(), p.data()));
                }
            }
        }

        /** Datagrams handed towards the driver that it has not taken yet. */
        int pending() {
            return pending.get();
        }

        @Override
        public Datagram receive() throws IOException {
            if (outstanding) {
                outstanding = false;
                pending.decrementAndGet();
            }
            try {
                Datagram d;
                do {
                    d = inbound.poll(50, TimeUnit.MILLISECONDS);
                } while (d == null && !closed);
                if (d == null) {
                    throw new IOException("closed");
                }
                outstanding = true;
                return d;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
