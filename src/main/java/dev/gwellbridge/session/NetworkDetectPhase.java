package dev.gwellbridge.session;

import dev.gwellbridge.wire.NetworkDetect;

/**
 * Phase 4, network detect (GWELL-PROTOCOL.md §6.6), only with a camera LAN IP: tells the camera,
 * through the server, that the viewer is on its LAN. Nothing answers it, so the phase sends and
 * moves on (the reference listened 5 s for nothing).
 */
final class NetworkDetectPhase extends Phase {

    NetworkDetectPhase(SessionContext ctx) {
        super(ctx);
    }

    @Override
    SessionPhase id() {
        return SessionPhase.NETWORK_DETECT;
    }

    @Override
    void enter() {
        ctx.toServer(NetworkDetect.of(
                ctx.route(),
                ctx.nextSqnum(),
                ctx.entropy.flagBits(),
                ctx.cameraTid,
                ctx.accessId,
                ctx.config.viewerLanIp()));
        complete();
    }

    @Override
    void onTick() {}

    @Override
    long nextWakeup() {
        return Long.MAX_VALUE;
    }
}
