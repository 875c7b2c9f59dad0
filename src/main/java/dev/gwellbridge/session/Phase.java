package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4Endpoint;

/**
 * One step of the session. The machine enters it, hands it what arrives and ticks it; the phase
 * sends through the {@link SessionContext}, ends itself with {@link #complete()} as soon as what it
 * waits for has arrived (or its bound has passed), or ends the session with {@link
 * SessionContext#fail}. {@link #onTick()} is also called after every input, so it is where a phase
 * re-evaluates its leave conditions.
 */
abstract class Phase {
    final SessionContext ctx;
    private boolean complete;

    Phase(SessionContext ctx) {
        this.ctx = ctx;
    }

    abstract SessionPhase id();

    /** Sends the phase's first messages and arms its timers. */
    abstract void enter();

    /** A datagram from the P2P server; later phases hand it to the camera traffic. */
    void onServerDatagram(byte[] datagram) {
        if (ctx.traffic != null) {
            ctx.traffic.onServerDatagram(datagram);
        }
    }

    /** A datagram from anywhere else. */
    void onPeerDatagram(Ipv4Endpoint from, byte[] datagram) {
        if (ctx.traffic != null) {
            ctx.traffic.onUdp(from, datagram);
        }
    }

    /** Time passed or something arrived: check deadlines and leave conditions. */
    abstract void onTick();

    /** The next time this phase needs {@link #onTick()}, or {@link Long#MAX_VALUE}. */
    abstract long nextWakeup();

    final void complete() {
        complete = true;
    }

    final boolean isComplete() {
        return complete;
    }
}
