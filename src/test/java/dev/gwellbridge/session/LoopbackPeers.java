package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The test-only {@link FakePeers} (server and camera) on real loopback sockets: the server on one
 * UDP port and a TCP listener on the same port number, the camera on another UDP port, and a 5 ms
 * ticker for the camera's timers. For integration tests only.
 */
final class LoopbackPeers implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final FakePeers peers;
    final Ipv4Endpoint server;
    final Ipv4Endpoint camera;
    private final DatagramChannel serverChannel;
    private final DatagramChannel cameraChannel;
    private final ServerSocket tcp;
    private final Map<Integer, Socket> connections = new ConcurrentHashMap<>();
    private final AtomicInteger nextConnection = new AtomicInteger(1);
    private final long base = System.nanoTime();
    private volatile boolean closed;

    LoopbackPeers(Consumer<FakePeers> configure) throws IOException {
        ServerSocket listener = null;
        DatagramChannel udp = null;
        for (int attempt = 0; attempt < 20 && udp == null; attempt++) {
            listener = new ServerSocket(0, 8, LOOPBACK);
            try {
                udp = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, listener.getLocalPort()));
            } catch (IOException taken) {
                listener.close();
            }
        }
        if (udp == null) {
            throw new IOException("no port free for both UDP and TCP");
        }
        tcp = listener;
        serverChannel = udp;
        cameraChannel = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
        server = endpoint(serverChannel);
        camera = endpoint(cameraChannel);
        peers = new FakePeers(server, camera);
        configure.accept(peers);
        daemon("peer-server", () -> receive(serverChannel, server));
        daemon("peer-camera", () -> receive(cameraChannel, camera));
        daemon("peer-ticker", this::tick);
        daemon("peer-tcp", this::accept);
    }

    private static Ipv4Endpoint endpoint(DatagramChannel c) throws IOException {
        return new Ipv4Endpoint(Ipv4.parse("127.0.0.1"), ((InetSocketAddress) c.getLocalAddress()).getPort());
    }

    private void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private long now() {
        return (System.nanoTime() - base) / 1_000_000;
    }

    private void receive(DatagramChannel channel, Ipv4Endpoint self) {
        ByteBuffer buf = ByteBuffer.allocate(65_536);
        try {
            while (!closed) {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buf);
                buf.flip();
                byte[] d = new byte[buf.remaining()];
                buf.get(d);
                Ipv4Endpoint src = new Ipv4Endpoint(Ipv4.parse(from.getAddress().getHostAddress()), from.getPort());
                List<PeerPacket> out;
                synchronized (peers) {
                    out = peers.onUdp(src, self, d, now());
                }
                send(out);
            }
        } catch (IOException e) {
            // Closed.
        }
    }

    private void tick() {
        while (!closed) {
            List<PeerPacket> out;
            synchronized (peers) {
                out = peers.onTick(now());
            }
            send(out);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void accept() {
        try {
            while (!closed) {
                Socket s = tcp.accept();
                s.setTcpNoDelay(true);
                int id = nextConnection.getAndIncrement();
                connections.put(id, s);
                synchronized (peers) {
                    peers.tcpOpened(id, server);
                }
                daemon("peer-tcp-" + id, () -> read(id, s));
            }
        } catch (IOException e) {
            // Closed.
        }
    }

    private void read(int id, Socket s) {
        byte[] buf = new byte[8192];
        try (InputStream in = s.getInputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                List<PeerPacket> out;
                synchronized (peers) {
                    out = peers.onTcp(id, chunk, now());
                }
                send(out);
            }
        } catch (IOException e) {
            // Closed.
        }
        synchronized (peers) {
            peers.tcpClosed(id);
        }
    }

    private void send(List<PeerPacket> packets) {
        for (PeerPacket p : packets) {
            try {
                if (p.isTcp()) {
                    Socket s = connections.get(p.tcp());
                    if (s != null) {
                        OutputStream out = s.getOutputStream();
                        synchronized (s) {
                            out.write(p.data());
                        }
                    }
                } else {
                    DatagramChannel c = p.from().equals(server) ? serverChannel : cameraChannel;
                    c.send(ByteBuffer.wrap(p.data()), p.to().toSocketAddress());
                }
            } catch (IOException e) {
                // A peer that went away; the client's timeouts deal with it.
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        serverChannel.close();
        cameraChannel.close();
        tcp.close();
        for (Socket s : connections.values()) {
            s.close();
        }
    }
}
