package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SessionMachine} on real sockets.
 *
 * <ul>
 *   <li>One UDP port for the whole session, bound before the machine starts and never rebound;
 *       datagrams from every source arrive on it and the machine filters by source.
 *   <li>A {@code udp-rx-<device id>} thread receives into a bounded mailbox; each TCP relay
 *       connection has a {@code tcp-rx-<device id>-<n>} thread that feeds MTP frames in as they
 *       arrive.
 *   <li>{@link #run()} is the session loop, on the calling thread (the connector names it {@code
 *       session-<device id>}): it owns the machine, waits on the mailbox until the machine's next
 *       wake-up, feeds inputs and ticks, then carries out the actions and hands the events to the
 *       consumer, which must not block.
 *   <li>Every send failure is logged and counted, and never stops later sends: no time-bounded
 *       state from set-up survives into streaming (GWELL-PROTOCOL.md §11.7).
 * </ul>
 *
 * <p>Threads come from the injected {@link ThreadFactory}. {@link #close()} is safe from any thread.
 */
public final class SessionDriver {
    private static final Logger LOG = LoggerFactory.getLogger(SessionDriver.class);
    private static final int MAILBOX = 8_192;
    private static final long STATS_EVERY = 100;

    private final SessionMachine machine;
    private final UdpPort port;
    private final SessionNetwork network;
    private final DriverClock clock;
    private final ThreadFactory threads;
    private final String label;
    private final Consumer<SessionEvent> events;
    private final BlockingQueue<DriverInput> mailbox = new ArrayBlockingQueue<>(MAILBOX);
    private final Map<Integer, TcpRelayLink> tcp = new HashMap<>();
    private final UdpReceiver receiver;
    private volatile SessionStats stats = SessionStats.NONE;
    private volatile boolean closeRequested;
    private long sendFailures;
    private long nextStats;
    private long consumerFailures;
    private SessionEvent.Ended ended;

    /**
     * @param port the session's UDP port, already bound; the driver closes it at the end
     * @param label the camera's device id, for thread names and logs
     * @param events receives every event on the session thread; must not block
     */
    public SessionDriver(
            SessionMachine machine,
            UdpPort port,
            SessionNetwork network,
            DriverClock clock,
            ThreadFactory threads,
            String label,
            Consumer<SessionEvent> events) {
        this.machine = machine;
        this.port = port;
        this.network = network;
        this.clock = clock;
        this.threads = threads;
        this.label = label;
        this.events = events;
        this.receiver = new UdpReceiver(port, mailbox, label);
    }

    /**
     * Runs the session to its end on the calling thread and returns how it ended. The port and every
     * TCP connection are closed when this returns.
     */
    public SessionEvent.Ended run() {
        Thread rx = threads.newThread(receiver);
        rx.setName("udp-rx-" + label);
        rx.setDaemon(true);
        rx.start();
        try {
            machine.start(clock.now());
            dispatch();
            while (!machine.ended()) {
                if (closeRequested) {
                    machine.close(clock.now());
                    dispatch();
                    break;
                }
                DriverInput in = clock.poll(mailbox, machine.nextWakeup());
                step(in);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            machine.close(clock.now());
            dispatch();
        } catch (RuntimeException e) {
            LOG.error("Camera {}: the session failed unexpectedly", label, e);
            if (ended == null) {
                ended = new SessionEvent.Ended(FailureReason.INTERNAL, e.toString());
            }
        } finally {
            shutdown();
        }
        if (ended == null) {
            ended = new SessionEvent.Ended(null, "closed");
        }
        return ended;
    }

    private void step(DriverInput first) {
        DriverInput in = first;
        int batch = 0;
        while (in != null && !machine.ended()) {
            long now = clock.now();
            apply(in, now);
            // Drain what is already queued before ticking: one tick serves a burst of datagrams.
            in = ++batch < 64 ? mailbox.poll() : null;
        }
        if (!machine.ended()) {
            machine.onTick(clock.now());
        }
        dispatch();
    }

    private void apply(DriverInput in, long now) {
        if (in instanceof DriverInput.Datagram d) {
            machine.onDatagram(d.from(), d.data(), now);
        } else if (in instanceof DriverInput.TcpFrame f) {
            machine.onTcpFrame(f.id(), f.frame(), now);
        } else if (in instanceof DriverInput.TcpUp u) {
            machine.onTcpConnected(u.id(), now);
        } else if (in instanceof DriverInput.TcpFailed f) {
            tcp.remove(f.id());
            machine.onTcpFailed(f.id(), f.reason(), now);
        } else if (in instanceof DriverInput.TcpDown down) {
            tcp.remove(down.id());
            machine.onTcpClosed(down.id(), now);
        } else {
            closeRequested = true;
            machine.close(now);
        }
    }

    /** Carries out the machine's actions and hands its events on. */
    private void dispatch() {
        for (SessionAction a : machine.takeActions()) {
            if (a instanceof SessionAction.SendDatagram d) {
                try {
                    port.send(d.to(), d.data());
                } catch (IOException | RuntimeException e) {
                    sendFailed(d.to().toString(), e);
                }
            } else if (a instanceof SessionAction.SendTcp t) {
                TcpRelayLink link = tcp.get(t.id());
                try {
                    if (link == null || !link.write(t.data())) {
                        LOG.debug(
                                "Camera {}: TCP connection {} is not up; {} bytes not sent",
                                label,
                                t.id(),
                                t.data().length);
                    }
                } catch (IOException e) {
                    sendFailed("TCP relay " + t.id(), e);
                }
            } else if (a instanceof SessionAction.ConnectTcp c) {
                TcpRelayLink link = new TcpRelayLink(c.id(), c.to(), network, mailbox, label);
                tcp.put(c.id(), link);
                Thread t = threads.newThread(link);
                t.setName("tcp-rx-" + label + "-" + c.id());
                t.setDaemon(true);
                t.start();
            } else if (a instanceof SessionAction.CloseTcp c) {
                TcpRelayLink link = tcp.remove(c.id());
                if (link != null) {
                    link.close();
                }
            }
        }
        for (SessionEvent e : machine.takeEvents()) {
            if (e instanceof SessionEvent.Ended end) {
                ended = end;
            }
            try {
                events.accept(e);
            } catch (RuntimeException ex) {
                if (consumerFailures++ == 0) {
                    LOG.warn("Camera {}: the consumer refused an event: {}", label, ex.toString());
                } else {
                    LOG.debug("Camera {}: the consumer refused an event ({} times)", label, consumerFailures);
                }
            }
        }
        long now = clock.now();
        if (now >= nextStats || machine.ended()) {
            nextStats = now + STATS_EVERY;
            stats = machine.stats().withSendFailures(sendFailures);
        }
    }

    /** §11.7: a send failure is never silent, and it never poisons the sends after it. */
    private void sendFailed(String to, Exception e) {
        sendFailures++;
        if (sendFailures == 1 || LOG.isDebugEnabled()) {
            LOG.warn("Camera {}: send to {} failed ({} so far): {}", label, to, sendFailures, e.toString());
        }
    }

    private void shutdown() {
        receiver.stopping();
        try {
            port.close();
        } catch (IOException e) {
            LOG.debug("Camera {}: closing the UDP port: {}", label, e.toString());
        }
        for (TcpRelayLink link : tcp.values()) {
            link.close();
        }
        tcp.clear();
        stats = machine.stats().withSendFailures(sendFailures);
        if (receiver.dropped() > 0) {
            LOG.debug("Camera {}: {} datagrams dropped on a full mailbox", label, receiver.dropped());
        }
    }

    /** Asks the session to end; returns at once. Safe from any thread. */
    public void close() {
        closeRequested = true;
        mailbox.offer(new DriverInput.Close());
    }

    /** The latest figures; safe from any thread. */
    public SessionStats stats() {
        return stats;
    }
}
