package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MtpStreamFramer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP relay connection and its {@code tcp-rx-<device id>-<n>} reader: connects (5 s timeout),
 * reports up or failed, then feeds every MTP frame the stream framer completes into the mailbox at
 * once (GWELL-PROTOCOL.md §8.5; 30 s idle timeout, 5 s for the rest of a started frame). Writes
 * come from the session thread.
 */
final class TcpRelayLink implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpRelayLink.class);
    static final long IDLE_TIMEOUT = 30_000;
    static final long FRAME_TIMEOUT = 5_000;

    private final int id;
    private final Ipv4Endpoint to;
    private final SessionNetwork network;
    private final BlockingQueue<DriverInput> mailbox;
    private final String label;
    private volatile TcpLink link;
    private volatile boolean closed;

    TcpRelayLink(int id, Ipv4Endpoint to, SessionNetwork network, BlockingQueue<DriverInput> mailbox, String label) {
        this.id = id;
        this.to = to;
        this.network = network;
        this.mailbox = mailbox;
        this.label = label;
    }

    @Override
    public void run() {
        TcpLink l;
        try {
            l = network.connect(to, (int) Timeouts.TCP_CONNECT);
        } catch (IOException | RuntimeException e) {
            put(new DriverInput.TcpFailed(id, e.toString()));
            return;
        }
        link = l;
        if (closed) {
            closeQuietly(l);
            return;
        }
        put(new DriverInput.TcpUp(id));
        MtpStreamFramer framer = new MtpStreamFramer();
        byte[] buf = new byte[8192];
        try {
            while (!closed) {
                int n = l.read(buf, framer.hasPartialFrame() ? FRAME_TIMEOUT : IDLE_TIMEOUT);
                if (n < 0) {
                    break;
                }
                for (byte[] frame : framer.feed(buf, 0, n)) {
                    put(new DriverInput.TcpFrame(id, frame));
                }
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("Camera {}: TCP relay {} idle, closing", label, to);
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.debug("Camera {}: TCP relay {} failed: {}", label, to, e.toString());
            }
        }
        if (!closed) {
            put(new DriverInput.TcpDown(id));
        }
        closeQuietly(l);
    }

    /** Blocks while the mailbox is full (TCP back-pressure), but never past {@link #close()}. */
    private void put(DriverInput input) {
        try {
            while (!closed && !mailbox.offer(input, 100, TimeUnit.MILLISECONDS)) {
                LOG.trace("Camera {}: mailbox full", label);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes on the session thread; false when the connection is not (or no longer) up. */
    boolean write(byte[] data) throws IOException {
        TcpLink l = link;
        if (l == null || closed) {
            return false;
        }
        l.write(data);
        return true;
    }

    /** Closes the connection, or abandons a connect in progress. */
    void close() {
        closed = true;
        TcpLink l = link;
        if (l != null) {
            closeQuietly(l);
        }
    }

    private static void closeQuietly(TcpLink l) {
        try {
            l.close();
        } catch (IOException e) {
            LOG.trace("close failed", e);
        }
    }
}
