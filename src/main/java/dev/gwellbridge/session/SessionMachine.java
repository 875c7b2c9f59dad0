package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4Endpoint;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of one camera connection as a sans-IO state machine (GWELL-PROTOCOL.md §11):
 * connect, certify, init-info, network detect, subscribe, calling, transport setup, INITREQ and
 * streaming.
 *
 * <p>Inputs: {@link #start}, received UDP datagrams with their source ({@link #onDatagram}), TCP
 * relay events and frames, clock ticks ({@link #onTick}) and {@link #close}; every input carries
 * the current time in ms (wall-clock milliseconds: they end up in CertifyReq, meter requests and
 * KCP timestamps). Outputs: {@link #takeActions()} (datagrams to send, TCP actions), {@link
 * #takeEvents()} (phases, transport, video, statistics, the end with its reason) and {@link
 * #nextWakeup()}, the time by which {@link #onTick} must be called. Every random value comes from
 * the {@link SessionEntropy}.
 *
 * <p>Phases are event-driven: each moves on as soon as the answer it waits for has arrived and
 * waits out its timeout ({@link Timeouts}) only when nothing comes. One bad datagram never ends a
 * session: it is counted as malformed and dropped.
 *
 * <p>Not thread-safe: confined to one thread, no locks.
 */
public final class SessionMachine {
    private static final Logger LOG = LoggerFactory.getLogger(SessionMachine.class);

    private final SessionContext ctx;
    private Phase phase;
    private boolean started;

    public SessionMachine(SessionConfig config, SessionEntropy entropy) {
        this.ctx = new SessionContext(config, entropy);
    }

    /** Starts phase 1. */
    public void start(long now) {
        if (started) {
            throw new IllegalStateException("session already started");
        }
        started = true;
        ctx.now = now;
        enter(new DiscoveryPhase(ctx));
        advance();
    }

    /** A UDP datagram arrived on the session's port from {@code from}. */
    public void onDatagram(Ipv4Endpoint from, byte[] data, long now) {
        if (!accepting(now)) {
            return;
        }
        ctx.counters.packetsIn++;
        if (ctx.server != null && ctx.server.equals(from)) {
            ctx.serverConfirmed = true;
            phase.onServerDatagram(data);
        } else {
            phase.onPeerDatagram(from, data);
        }
        afterInput();
    }

    /** TCP connection {@code id} is up. */
    public void onTcpConnected(int id, long now) {
        if (accepting(now) && ctx.relays != null) {
            ctx.relays.onTcpConnected(id);
            afterInput();
        }
    }

    /** TCP connection {@code id} could not be opened. */
    public void onTcpFailed(int id, String reason, long now) {
        if (accepting(now) && ctx.relays != null) {
            LOG.debug("Camera {}: TCP relay connection {} failed: {}", ctx.label, id, reason);
            ctx.relays.onTcpFailed(id);
            afterInput();
        }
    }

    /** One MTP frame read from TCP connection {@code id}. */
    public void onTcpFrame(int id, byte[] frame, long now) {
        if (!accepting(now)) {
            return;
        }
        ctx.counters.packetsIn++;
        if (ctx.relays != null && ctx.relays.isWinner(id) && ctx.traffic != null) {
            ctx.traffic.onTcpFrame(frame);
        }
        afterInput();
    }

    /** TCP connection {@code id} was closed by the peer or failed while open. */
    public void onTcpClosed(int id, long now) {
        if (accepting(now) && ctx.relays != null) {
            ctx.relays.onTcpClosed(id);
            afterInput();
        }
    }

    /** Time passed; due timers run. */
    public void onTick(long now) {
        if (accepting(now)) {
            afterInput();
        }
    }

    /** Ends the session on request. */
    public void close(long now) {
        if (!started || ctx.ended()) {
            return;
        }
        ctx.now = Math.max(ctx.now, now);
        ctx.finish("closed");
        release();
    }

    /** When {@link #onTick} is due next; {@link Long#MAX_VALUE} once ended. */
    public long nextWakeup() {
        if (!started || ctx.ended()) {
            return Long.MAX_VALUE;
        }
        long next = phase.nextWakeup();
        if (ctx.relays != null) {
            next = Math.min(next, ctx.relays.nextWakeup());
        }
        if (ctx.kcp != null) {
            next = Math.min(next, ctx.kcp.nextWakeup());
        }
        return next;
    }

    /** Actions produced since the last call, in order. */
    public List<SessionAction> takeActions() {
        return ctx.takeActions();
    }

    /** Events produced since the last call, in order. */
    public List<SessionEvent> takeEvents() {
        return ctx.takeEvents();
    }

    /** Whether the session is over (an {@link SessionEvent.Ended} was emitted). */
    public boolean ended() {
        return ctx.ended();
    }

    /** The current phase. */
    public SessionPhase phase() {
        return phase == null ? SessionPhase.CONNECT : phase.id();
    }

    /** The session's figures now. */
    public SessionStats stats() {
        return ctx.counters.snapshot(ctx);
    }

    private boolean accepting(long now) {
        if (!started || ctx.ended()) {
            return false;
        }
        ctx.now = Math.max(ctx.now, now);
        return true;
    }

    private void afterInput() {
        if (ctx.relays != null) {
            ctx.relays.onTick();
        }
        if (ctx.kcp != null) {
            ctx.kcp.tick();
        }
        phase.onTick();
        advance();
    }

    private void advance() {
        while (!ctx.ended() && phase.isComplete()) {
            Phase next = next(phase.id());
            if (next == null) {
                ctx.finish("discovery complete");
                break;
            }
            enter(next);
        }
        if (ctx.ended()) {
            release();
        }
    }

    private void enter(Phase p) {
        phase = p;
        LOG.debug("Camera {}: {}", ctx.label, p.id().label());
        ctx.event(new SessionEvent.PhaseReached(p.id(), ctx.now));
        p.enter();
    }

    private Phase next(SessionPhase done) {
        return switch (done) {
            case CONNECT -> new CertifyPhase(ctx);
            case CERTIFY -> new InitInfoPhase(ctx);
            case INIT_INFO -> {
                if (ctx.config.mode() == SessionMode.DISCOVERY) {
                    yield null;
                }
                yield ctx.config.cameraLanIp().isPresent() ? new NetworkDetectPhase(ctx) : new SubscribePhase(ctx);
            }
            case NETWORK_DETECT -> new SubscribePhase(ctx);
            case SUBSCRIBE -> new CallingPhase(ctx);
            case CALLING -> new TransportSetupPhase(ctx);
            case TRANSPORT -> new InitReqPhase(ctx);
            case INITREQ -> new StreamingPhase(ctx);
            case STREAMING -> throw new IllegalStateException("streaming never completes");
        };
    }

    private void release() {
        if (ctx.relays != null) {
            ctx.relays.closeAll();
        }
    }
}
