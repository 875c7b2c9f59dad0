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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An in-memory {@link SessionNetwork}: every UDP port opened gets its own world of {@link
 * FakePeers}, answered synchronously from {@link UdpPort#send} and {@link TcpLink#write}. Works with
 * {@link VirtualClock}: {@link #busy} counts what is on its way to a driver (threads being started,
 * connects, received data not yet taken), and the clock only jumps when it is zero. No real socket
 * is touched.
 */
final class FakeNetwork implements SessionNetwork {
    private final IntFunction<FakePeers> worlds;
    private final Map<Thread, Port> byThread = new ConcurrentHashMap<>();
    final List<Port> ports = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextPort = new AtomicInteger(40_000);
    private final AtomicInteger nextLink = new AtomicInteger(1);
    final AtomicInteger tcpAttempts = new AtomicInteger();
    /** Sends to fail before the next one goes through. */
    final AtomicInteger failSends = new AtomicInteger();
    /** Work on its way to a driver; the virtual clock waits while this is positive. */
    final AtomicInteger busy = new AtomicInteger();

    VirtualClock clock;

    /** @param worlds a fresh world for the n-th port opened (0-based) */
    FakeNetwork(IntFunction<FakePeers> worlds) {
        this.worlds = worlds;
    }

    /**
     * Threads; a driver's receive threads count as busy from creation until they first block on
     * this network.
     */
    ThreadFactory threads() {
        return r -> {
            if (r instanceof UdpReceiver || r instanceof TcpRelayLink) {
                busy.incrementAndGet();
            }
            return new Thread(r);
        };
    }

    /** Thrown by the next {@link #openUdp()}, if set. */
    volatile Exception openFailure;

    @Override
    public UdpPort openUdp() throws IOException {
        Exception failure = openFailure;
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        Port p = new Port(nextPort.getAndIncrement(), worlds.apply(ports.size()));
        ports.add(p);
        byThread.put(Thread.currentThread(), p);
        return p;
    }

    @Override
    public TcpLink connect(Ipv4Endpoint to, int timeoutMillis) throws IOException {
        tcpAttempts.incrementAndGet();
        Port port = ports.stream()
                .filter(p -> !p.closed && p.world.acceptsTcp(to))
                .reduce((a, b) -> b)
                .orElse(null);
        if (port == null) {
            busy.decrementAndGet();
            throw new IOException("connection refused");
        }
        // Stays busy until the reader's first read: the driver has the connection by then.
        busy.decrementAndGet();
        port.inc();
        Link link = new Link(nextLink.getAndIncrement(), port);
        synchronized (port) {
            port.links.put(link.id, link);
            port.world.tcpOpened(link.id, to);
        }
        return link;
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
        final Map<Integer, Link> links = new ConcurrentHashMap<>();
        private final BlockingQueue<Datagram> inbound = new LinkedBlockingQueue<>();
        private final java.util.concurrent.atomic.AtomicBoolean started =
                new java.util.concurrent.atomic.AtomicBoolean();
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
            List<PeerPacket> out;
            synchronized (this) {
                out = world.onUdp(self, to, data, now);
            }
            deliver(out);
        }

        void tick(long now) {
            List<PeerPacket> out;
            synchronized (this) {
                out = world.onTick(now);
            }
            deliver(out);
        }

        void deliver(List<PeerPacket> packets) {
            for (PeerPacket p : packets) {
                if (p.isTcp()) {
                    Link link = links.get(p.tcp());
                    if (link != null && !link.closed) {
                        inc();
                        link.inbound.add(p.data());
                    }
                } else if (self.equals(p.to())) {
                    inc();
                    inbound.add(new Datagram(p.from(), p.data()));
                }
            }
        }

        private final AtomicInteger local = new AtomicInteger();

        /** Counts work of this port as busy (and forgets it all when the port closes). */
        synchronized void inc() {
            if (!closed) {
                local.incrementAndGet();
                busy.incrementAndGet();
            }
        }

        synchronized void dec() {
            if (!closed) {
                local.decrementAndGet();
                busy.decrementAndGet();
            }
        }

        @Override
        public Datagram receive() throws IOException {
            threadStarted();
            if (outstanding) {
                outstanding = false;
                dec();
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

        /** The receive thread's start stops counting as busy once it blocks here, or at close. */
        private void threadStarted() {
            if (started.compareAndSet(false, true)) {
                busy.decrementAndGet();
            }
        }

        @Override
        public void close() {
            threadStarted();
            synchronized (this) {
                closed = true;
                busy.addAndGet(-local.getAndSet(0));
            }
        }
    }

    /** One fake TCP connection into a port's world. */
    final class Link implements TcpLink {
        final int id;
        private final Port port;
        private final BlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>();
        private final java.util.concurrent.atomic.AtomicBoolean connectedReported =
                new java.util.concurrent.atomic.AtomicBoolean();
        private boolean outstanding;
        volatile boolean closed;

        Link(int id, Port port) {
            this.id = id;
            this.port = port;
        }

        @Override
        public void write(byte[] data) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            List<PeerPacket> out;
            synchronized (port) {
                out = port.world.onTcp(id, data, clock.now());
            }
            port.deliver(out);
        }

        @Override
        public int read(byte[] buf, long timeoutMillis) throws IOException {
            reported();
            if (outstanding) {
                outstanding = false;
                port.dec();
            }
            try {
                byte[] b;
                do {
                    b = inbound.poll(50, TimeUnit.MILLISECONDS);
                } while (b == null && !closed);
                if (b == null) {
                    return -1;
                }
                outstanding = true;
                System.arraycopy(b, 0, buf, 0, b.length);
                return b.length;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        private final java.util.concurrent.atomic.AtomicBoolean hungUp =
                new java.util.concurrent.atomic.AtomicBoolean();

        /** The far end hangs up; busy until the reader has reported it and closed the link. */
        void hangUp() {
            if (hungUp.compareAndSet(false, true)) {
                port.inc();
            }
            closed = true;
        }

        /** The connect stops counting as busy at the first read (the driver has it), or at close. */
        private void reported() {
            if (connectedReported.compareAndSet(false, true)) {
                port.dec();
            }
        }

        @Override
        public void close() {
            closed = true;
            reported();
            if (hungUp.compareAndSet(true, false)) {
                port.dec();
            }
            synchronized (port) {
                port.world.tcpClosed(id);
            }
        }
    }
}
