package dev.gwellbridge.session;

import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.Octets;
import dev.gwellbridge.wire.SubscribeDeviceId;
import dev.gwellbridge.wire.SubscribeResp;
import dev.gwellbridge.wire.SubscribeToken;

/**
 * Phase 5, subscribe (GWELL-PROTOCOL.md §6.5): the device-id Subscribe (carrying the viewer's own
 * accessId, as the reference sends it) and, when the token has extra data, the token Subscribe.
 * Leaves once every Subscribe sent got its 0xB1, else at the first 3 s read timeout or after 5
 * frames; the answers are not needed for anything else.
 */
final class SubscribePhase extends Phase {
    private int sent;
    private int answers;
    private int frames;
    private long deadline = Long.MAX_VALUE;

    SubscribePhase(SessionContext ctx) {
        super(ctx);
    }

    @Override
    SessionPhase id() {
        return SessionPhase.SUBSCRIBE;
    }

    @Override
    void enter() {
        ctx.toServer(new SubscribeDeviceId(ctx.route(), ctx.nextSqnum(), ctx.accessId));
        sent = 1;
        if (ctx.credentials.hasExtraTokenData()) {
            ctx.toServer(new SubscribeToken(ctx.route(), ctx.nextSqnum(), Octets.of(ctx.credentials.extraTokenData())));
            sent = 2;
        }
        deadline = ctx.now + Timeouts.SUBSCRIBE_READ;
    }

    @Override
    void onServerDatagram(byte[] d) {
        frames++;
        deadline = ctx.now + Timeouts.SUBSCRIBE_READ;
        try {
            if (GutesClassifier.atClient(d, ctx.sessionKey) instanceof SubscribeResp) {
                answers++;
            }
        } catch (FrameException e) {
            ctx.malformed(e.getMessage(), d);
        }
        if (answers >= sent || frames >= Timeouts.SUBSCRIBE_MAX_FRAMES) {
            deadline = Long.MAX_VALUE;
            complete();
        }
    }

    @Override
    void onTick() {
        if (!isComplete() && ctx.now >= deadline) {
            deadline = Long.MAX_VALUE;
            complete();
        }
    }

    @Override
    long nextWakeup() {
        return deadline;
    }
}
