package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * {@link SessionNetwork} on JDK sockets: one unconnected, blocking {@link DatagramChannel} bound once
 * (the session never rebinds, so no stale socket state from set-up can outlive it, and a send has
 * no timeout to go stale: GWELL-PROTOCOL.md §11.7), and plain {@link Socket}s for TCP relays.
 */
public final class SocketNetwork implements SessionNetwork {
    /** Largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_507;

    @Override
    public UdpPort openUdp() throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(0));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new ChannelPort(channel);
    }

    @Override
    public TcpLink connect(Ipv4Endpoint to, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(to.toSocketAddress(), timeoutMillis);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new SocketLink(socket);
    }

    @Override
    public Ipv4 localAddressTowards(Ipv4 target) {
        try (DatagramSocket probe = new DatagramSocket()) {
            // Connecting a UDP socket sends nothing; it only asks the routing table.
            probe.connect(target.toInetAddress(), 9);
            InetAddress local = probe.getLocalAddress();
            return local instanceof Inet4Address v4 && !local.isAnyLocalAddress() ? Ipv4.of(v4) : Ipv4.ANY;
        } catch (IOException e) {
            return Ipv4.ANY;
        }
    }

    private static final class ChannelPort implements UdpPort {
        private final DatagramChannel channel;
        private final int port;
        private final ByteBuffer in = ByteBuffer.allocate(MAX_DATAGRAM);

        ChannelPort(DatagramChannel channel) throws IOException {
            this.channel = channel;
            this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        }

        @Override
        public int localPort() {
            return port;
        }

        @Override
        public void send(Ipv4Endpoint to, byte[] data) throws IOException {
            int n = channel.send(ByteBuffer.wrap(data), to.toSocketAddress());
            if (n != data.length) {
                throw new IOException("only " + n + " of " + data.length + " bytes sent");
            }
        }

        @Override
        public Datagram receive() throws IOException {
            while (true) {
                in.clear();
                SocketAddress from = channel.receive(in);
                if (from instanceof InetSocketAddress isa && isa.getAddress() instanceof Inet4Address v4) {
                    in.flip();
                    byte[] data = new byte[in.remaining()];
                    in.get(data);
                    return new Datagram(new Ipv4Endpoint(Ipv4.of(v4), isa.getPort()), data);
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class SocketLink implements TcpLink {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        SocketLink(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        public void write(byte[] data) throws IOException {
            out.write(data);
            out.flush();
        }

        @Override
        public int read(byte[] buf, long timeoutMillis) throws IOException {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis)));
            return in.read(buf);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
