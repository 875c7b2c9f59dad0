package dev.gwellbridge.sim;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's one I/O thread ({@code sim-loop-<server port>}): a selector over the server's UDP socket and
 * TCP listener, every camera's UDP socket and the accepted TCP connections, driving the {@link
 * SimWorld} with the monotonic clock. Commands from other threads run on this thread through
 * {@link #call}, so the core needs no locks.
 */
final class SimulatorLoop implements PeerOutput, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorLoop.class);
    private static final int SOCKET_BUFFER = 4 << 20;
    private static final long MAX_SELECT_MS = 10;
    private static final int BIND_ATTEMPTS = 20;

    private final Selector selector;
    private final DatagramChannel serverUdp;
    private final ServerSocketChannel serverTcp;
    private final List<DatagramChannel> cameraUdp;
    private final Map<RelayLink, TcpConnection> connections = new HashMap<>();
    private final ConcurrentLinkedQueue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    private final ByteBuffer udpBuffer = ByteBuffer.allocate(65_536);
    private final ByteBuffer tcpBuffer = ByteBuffer.allocate(65_536);
    private final long base = System.nanoTime();
    private final Thread thread;
    private final InetSocketAddress serverAddress;
    private SimWorld world;
    private long nextLinkId;
    private long sendFailures;
    private volatile boolean running = true;

    private SimulatorLoop(
            Selector selector, DatagramChannel serverUdp, ServerSocketChannel serverTcp, List<DatagramChannel> cams)
            throws IOException {
        this.selector = selector;
        this.serverAddress = (InetSocketAddress) serverUdp.getLocalAddress();
        this.serverUdp = serverUdp;
        this.serverTcp = serverTcp;
        this.cameraUdp = cams;
        this.thread = new Thread(this::run, "sim-loop-" + serverAddress.getPort());
        thread.setDaemon(true);
    }

    /** Binds every socket, builds the world and starts the thread. */
    static SimulatorLoop start(SimulatorConfig config, List<CameraIdentity> identities, VideoSource source)
            throws IOException {
        Selector selector = Selector.open();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            ServerSocketChannel[] tcp = new ServerSocketChannel[1];
            DatagramChannel serverUdp = bindServer(config, tcp);
            opened.add(serverUdp);
            opened.add(tcp[0]);
            List<DatagramChannel> cams = new ArrayList<>();
            for (int i = 0; i < identities.size(); i++) {
                DatagramChannel ch = udp(new InetSocketAddress(config.bindAddress(), 0));
                opened.add(ch);
                cams.add(ch);
            }
            SimulatorLoop loop = new SimulatorLoop(selector, serverUdp, tcp[0], cams);
            serverUdp.register(selector, SelectionKey.OP_READ, PeerOutput.SERVER);
            tcp[0].configureBlocking(false);
            tcp[0].register(selector, SelectionKey.OP_ACCEPT);
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (int i = 0; i < cams.size(); i++) {
                cams.get(i).register(selector, SelectionKey.OP_READ, i);
                addresses.add((InetSocketAddress) cams.get(i).getLocalAddress());
            }
            loop.world = new SimWorld(
                    config,
                    loop.serverAddress,
                    identities,
                    addresses,
                    source,
                    loop,
                    new Violations(),
                    loop.now(),
                    InstantSource.system());
            loop.thread.start();
            return loop;
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable ch : opened) {
                closeQuietly(ch);
            }
            closeQuietly(selector);
            throw e;
        }
    }

    /** The server's UDP socket and, on the same port number, its TCP listener. */
    private static DatagramChannel bindServer(SimulatorConfig config, ServerSocketChannel[] tcp) throws IOException {
        for (int attempt = 0; ; attempt++) {
            DatagramChannel udp = udp(new InetSocketAddress(config.bindAddress(), config.serverPort()));
            int port = ((InetSocketAddress) udp.getLocalAddress()).getPort();
            ServerSocketChannel listener = ServerSocketChannel.open();
            try {
                listener.bind(new InetSocketAddress(config.bindAddress(), port));
                tcp[0] = listener;
                return udp;
            } catch (BindException e) {
                listener.close();
                udp.close();
                if (config.serverPort() != 0 || attempt >= BIND_ATTEMPTS) {
                    throw new BindException("TCP port " + port + " is taken: " + e.getMessage());
                }
            }
        }
    }

    private static DatagramChannel udp(InetSocketAddress at) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            ch.bind(at);
            ch.configureBlocking(false);
            return ch;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** The server's UDP address (the TCP listener has the same port). */
    InetSocketAddress serverAddress() {
        return serverAddress;
    }

    SimWorld world() {
        return world;
    }

    /** The loop's clock: monotonic milliseconds. */
    long now() {
        return (System.nanoTime() - base) / 1_000_000 + 1;
    }

    /**
     * Runs {@code task} on the loop thread with the loop's clock and waits for it.
     *
     * @throws IllegalStateException when the loop has stopped or does not answer within 5 s
     */
    void call(LongConsumer task) {
        if (Thread.currentThread() == thread) {
            task.accept(now());
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        mailbox.add(() -> {
            try {
                task.accept(now());
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        selector.wakeup();
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("simulator command failed: " + e.getMessage(), e);
        }
    }

    private void run() {
        LOG.debug("simulator loop started");
        while (running) {
            try {
                long now = now();
                long wait = Math.max(1, Math.min(MAX_SELECT_MS, world.nextWakeup(now) - now));
                selector.select(wait);
                if (!running) {
                    break;
                }
                now = now();
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key, now);
                }
                selector.selectedKeys().clear();
                for (Runnable task = mailbox.poll(); task != null; task = mailbox.poll()) {
                    task.run();
                }
                world.tick(now());
            } catch (ClosedSelectorException e) {
                break;
            } catch (IOException | RuntimeException e) {
                LOG.error("simulator loop: {}", e.toString(), e);
            }
        }
        LOG.debug("simulator loop stopped");
    }

    private void handle(SelectionKey key, long now) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
        } else if (key.channel() instanceof DatagramChannel ch) {
            readUdp(ch, (Integer) key.attachment(), now);
        } else if (key.attachment() instanceof TcpConnection c) {
            if (key.isWritable()) {
                flush(c);
            }
            if (key.isValid() && key.isReadable()) {
                readTcp(c, now);
            }
        }
    }

    private void readUdp(DatagramChannel ch, int socket, long now) throws IOException {
        while (true) {
            udpBuffer.clear();
            InetSocketAddress from = (InetSocketAddress) ch.receive(udpBuffer);
            if (from == null) {
                return;
            }
            udpBuffer.flip();
            byte[] d = new byte[udpBuffer.remaining()];
            udpBuffer.get(d);
            world.onUdp(socket, from, d, now);
        }
    }

    private void accept() throws IOException {
        SocketChannel ch = serverTcp.accept();
        if (ch == null) {
            return;
        }
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        RelayLink link = new RelayLink(++nextLinkId, (InetSocketAddress) ch.getRemoteAddress());
        TcpConnection c = new TcpConnection(ch, link);
        c.key(ch.register(selector, SelectionKey.OP_READ, c));
        connections.put(link, c);
        LOG.debug("relay connection {} accepted", link);
    }

    private void readTcp(TcpConnection c, long now) {
        try {
            while (true) {
                tcpBuffer.clear();
                int n = c.channel().read(tcpBuffer);
                if (n < 0) {
                    drop(c);
                    return;
                }
                if (n == 0) {
                    return;
                }
                world.onTcpData(c.link(), tcpBuffer.array(), 0, n, now);
                if (c.link().closed()) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("relay {}: {}", c.link(), e.toString());
            drop(c);
        }
    }

    private void flush(TcpConnection c) {
        try {
            c.flush();
        } catch (IOException e) {
            drop(c);
        }
    }

    private void drop(TcpConnection c) {
        connections.remove(c.link());
        c.close();
        world.onTcpClosed(c.link());
    }

    @Override
    public void udp(int socket, InetSocketAddress to, byte[] datagram) {
        DatagramChannel ch = socket == PeerOutput.SERVER ? serverUdp : cameraUdp.get(socket);
        try {
            if (ch.send(ByteBuffer.wrap(datagram), to) == 0) {
                sendFailures++;
            }
        } catch (IOException e) {
            sendFailures++;
            LOG.debug("send to {} failed: {}", to, e.toString());
        }
    }

    @Override
    public void tcp(RelayLink link, byte[] bytes) {
        TcpConnection c = connections.get(link);
        if (c == null) {
            return;
        }
        try {
            if (!c.write(bytes)) {
                LOG.info("relay {}: peer does not read, closing", link);
                drop(c);
            }
        } catch (IOException e) {
            drop(c);
        }
    }

    @Override
    public void close(RelayLink link) {
        TcpConnection c = connections.remove(link);
        if (c != null) {
            c.close();
        }
    }

    /** Datagrams the kernel refused (full buffer or error). */
    long sendFailures() {
        return sendFailures;
    }

    /** Stops the thread and closes every socket. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TcpConnection c : connections.values()) {
            c.close();
        }
        connections.clear();
        closeQuietly(serverTcp);
        closeQuietly(serverUdp);
        for (DatagramChannel ch : cameraUdp) {
            closeQuietly(ch);
        }
        closeQuietly(selector);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close: {}", e.toString());
        }
    }
}
