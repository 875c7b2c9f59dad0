package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.RelayRegistration;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The receive loops of the driver: UDP into the mailbox, TCP relay frames through the framer. */
@Timeout(20)
class ReceiveThreadsTest {
    private static final Ipv4Endpoint RELAY = Ipv4Endpoint.parse("127.0.0.1:45002");

    /** A TCP link fed by the test; {@code null} in the queue means end of stream. */
    static final class ScriptedLink implements TcpLink {
        final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
        final List<byte[]> written = new ArrayList<>();
        volatile boolean closed;
        volatile long lastTimeout;

        @Override
        public synchronized void write(byte[] data) {
            written.add(data);
        }

        @Override
        public int read(byte[] buf, long timeoutMillis) throws IOException {
            lastTimeout = timeoutMillis;
            try {
                Object o = chunks.poll(10, TimeUnit.SECONDS);
                if (o instanceof IOException e) {
                    throw e;
                }
                if (o == null || o == ScriptedLink.class) {
                    return -1;
                }
                byte[] b = (byte[]) o;
                System.arraycopy(b, 0, buf, 0, b.length);
                return b.length;
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static SessionNetwork networkWith(TcpLink link) {
        return new SessionNetwork() {
            @Override
            public UdpPort openUdp() {
                throw new UnsupportedOperationException();
            }

            @Override
            public TcpLink connect(Ipv4Endpoint to, int timeoutMillis) throws IOException {
                if (link == null) {
                    throw new IOException("refused");
                }
                return link;
            }

            @Override
            public Ipv4 localAddressTowards(Ipv4 target) {
                return Ipv4.ANY;
            }
        };
    }

    @Test
    void tcpFramesAreHandedOverAsTheyCompleteAndTheEndIsReported() throws Exception {
        ScriptedLink link = new ScriptedLink();
        BlockingQueue<DriverInput> mailbox = new ArrayBlockingQueue<>(16);
        TcpRelayLink relay = new TcpRelayLink(7, RELAY, networkWith(link), mailbox, "cam");
        new Thread(relay, "tcp-rx-test").start();
        byte[] frame = RelayRegistrationCodec.encode(new RelayRegistration(1, 2, 3, 4));
        link.chunks.add(java.util.Arrays.copyOf(frame, 10));
        await().until(() -> link.lastTimeout == TcpRelayLink.FRAME_TIMEOUT);
        link.chunks.add(java.util.Arrays.copyOfRange(frame, 10, frame.length));
        link.chunks.add(ScriptedLink.class);

        assertThat(mailbox.poll(5, TimeUnit.SECONDS)).isEqualTo(new DriverInput.TcpUp(7));
        DriverInput f = mailbox.poll(5, TimeUnit.SECONDS);
        assertThat(f).isInstanceOf(DriverInput.TcpFrame.class);
        assertThat(((DriverInput.TcpFrame) f).frame()).isEqualTo(frame);
        assertThat(mailbox.poll(5, TimeUnit.SECONDS)).isEqualTo(new DriverInput.TcpDown(7));
        assertThat(link.closed).isTrue();
        assertThat(relay.write(new byte[] {1})).isTrue();
        relay.close();
        assertThat(relay.write(new byte[] {1})).isFalse();
    }

    @Test
    void aRefusedConnectionIsReportedAsFailed() throws Exception {
        BlockingQueue<DriverInput> mailbox = new ArrayBlockingQueue<>(4);
        TcpRelayLink relay = new TcpRelayLink(3, RELAY, networkWith(null), mailbox, "cam");
        new Thread(relay).start();

        DriverInput in = mailbox.poll(5, TimeUnit.SECONDS);
        assertThat(in).isInstanceOf(DriverInput.TcpFailed.class);
        assertThat(((DriverInput.TcpFailed) in).reason()).contains("refused");
        assertThat(relay.write(new byte[] {1})).isFalse();
    }

    @Test
    void anIdleRelayIsClosedAndReportedDown() throws Exception {
        ScriptedLink link = new ScriptedLink();
        BlockingQueue<DriverInput> mailbox = new ArrayBlockingQueue<>(4);
        new Thread(new TcpRelayLink(4, RELAY, networkWith(link), mailbox, "cam")).start();
        link.chunks.add(new SocketTimeoutException("idle"));

        assertThat(mailbox.poll(5, TimeUnit.SECONDS)).isEqualTo(new DriverInput.TcpUp(4));
        assertThat(mailbox.poll(5, TimeUnit.SECONDS)).isEqualTo(new DriverInput.TcpDown(4));
        assertThat(link.lastTimeout).isEqualTo(TcpRelayLink.IDLE_TIMEOUT);
    }

    @Test
    void aClosedRelayDoesNotReportDown() throws Exception {
        ScriptedLink link = new ScriptedLink();
        BlockingQueue<DriverInput> mailbox = new ArrayBlockingQueue<>(4);
        TcpRelayLink relay = new TcpRelayLink(5, RELAY, networkWith(link), mailbox, "cam");
        Thread t = new Thread(relay);
        t.start();
        assertThat(mailbox.poll(5, TimeUnit.SECONDS)).isEqualTo(new DriverInput.TcpUp(5));
        relay.close();
        link.chunks.add(new IOException("socket closed"));
        t.join(5_000);

        assertThat(t.isAlive()).isFalse();
        assertThat(mailbox).isEmpty();
    }

    /** A UDP port fed by the test. */
    static final class ScriptedPort implements UdpPort {
        final BlockingQueue<Object> in = new LinkedBlockingQueue<>();

        @Override
        public int localPort() {
            return 1;
        }

        @Override
        public void send(Ipv4Endpoint to, byte[] data) {}

        @Override
        public Datagram receive() throws IOException {
            try {
                Object o = in.take();
                if (o instanceof IOException e) {
                    throw e;
                }
                return (Datagram) o;
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() {}
    }

    @Test
    void datagramsGoToTheMailboxAndAFullMailboxDropsAndCounts() throws Exception {
        ScriptedPort port = new ScriptedPort();
        BlockingQueue<DriverInput> mailbox = new ArrayBlockingQueue<>(2);
        UdpReceiver rx = new UdpReceiver(port, mailbox, "cam");
        Thread t = new Thread(rx);
        t.start();
        for (int i = 0; i < 5; i++) {
            port.in.add(new UdpPort.Datagram(RELAY, new byte[] {(byte) i}));
        }
        await().until(() -> rx.dropped() == 3);
        rx.stopping();
        port.in.add(new IOException("closed"));
        t.join(5_000);

        assertThat(mailbox).hasSize(2);
        assertThat(((DriverInput.Datagram) mailbox.poll()).data()).containsExactly(0);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void anUnexpectedReceiveFailureClosesTheSession() throws Exception {
        ScriptedPort port = new ScriptedPort();
        BlockingQueue<DriverInput> mailbox = new ArrayBlockingQueue<>(2);
        new Thread(new UdpReceiver(port, mailbox, "cam")).start();
        port.in.add(new IOException("network down"));

        assertThat(mailbox.poll(5, TimeUnit.SECONDS)).isEqualTo(new DriverInput.Close());
    }
}
