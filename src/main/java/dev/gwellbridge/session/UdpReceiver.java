package dev.gwellbridge.session;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code udp-rx-<device id>} loop: blocking receives on the session's port, each datagram put
 * into the mailbox. A full mailbox drops the datagram (counted), as the network would: KCP resends
 * it. Ends when the port is closed.
 */
final class UdpReceiver implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);

    private final UdpPort port;
    private final BlockingQueue<DriverInput> mailbox;
    private final String label;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopping;

    UdpReceiver(UdpPort port, BlockingQueue<DriverInput> mailbox, String label) {
        this.port = port;
        this.mailbox = mailbox;
        this.label = label;
    }

    /** Marks the coming close of the port as expected. */
    void stopping() {
        stopping = true;
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                UdpPort.Datagram d = port.receive();
                if (!mailbox.offer(new DriverInput.Datagram(d.from(), d.data()))) {
                    dropped.incrementAndGet();
                }
            }
        } catch (IOException e) {
            if (!stopping) {
                LOG.warn("Camera {}: receiving failed: {}", label, e.toString());
                mailbox.offer(new DriverInput.Close());
            }
        } catch (RuntimeException e) {
            LOG.error("Camera {}: the receive loop failed", label, e);
            mailbox.offer(new DriverInput.Close());
        }
    }
}
