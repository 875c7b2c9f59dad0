package dev.gwellbridge.session;

import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.kcp.KcpManualSegments;
import dev.gwellbridge.wire.AvStreamCtl;
import dev.gwellbridge.wire.AvStreamCtlCodec;
import dev.gwellbridge.wire.PassthroughControl;
import dev.gwellbridge.wire.ViewerAvInitCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 7a/7b, INITREQ and START (GWELL-PROTOCOL.md §11.6 items 1–7).
 *
 * <ol>
 *   <li>Heartbeat and PASSTHROUGH control (command 1) to the server; on a relay path a 200 ms
 *       pause (on the LAN nothing is waiting for it);
 *   <li>create-KCP through the camera path; the KCP pair is created (and updated once);
 *   <li>the hand-made INITREQ segment sn 0 through the camera path; every 200 ms (the fork's
 *       spacing) a retry: sn 0 again plus a new sn 1, 2, …; a Heartbeat every 5th try; no ACCEPT
 *       within 60 s ends the session;
 *   <li>ACCEPT, over whichever path it comes, ends the loop at once: the CTRL engine is moved past
 *       the hand-made segments (the fork's fix), then START and the viewer AV_INIT go out through
 *       the DATA engine (DATA sn 0 and 1) without waiting for the camera's STARTED.
 * </ol>
 */
final class InitReqPhase extends Phase {
    private static final Logger LOG = LoggerFactory.getLogger(InitReqPhase.class);

    private boolean started;
    private long startAt = Long.MAX_VALUE;
    private int tries;
    private int handmade;
    private long nextTry = Long.MAX_VALUE;
    private long deadline = Long.MAX_VALUE;

    InitReqPhase(SessionContext ctx) {
        super(ctx);
    }

    @Override
    SessionPhase id() {
        return SessionPhase.INITREQ;
    }

    @Override
    void enter() {
        ctx.heartbeat();
        ctx.toServer(new PassthroughControl(
                ctx.routingId,
                ctx.nextSqnum(),
                ctx.cameraTid,
                ctx.accessId,
                PassthroughControl.COMMAND_OPEN,
                ctx.linkId));
        ctx.traffic.setMode(CameraTraffic.Mode.STREAM);
        boolean lan = ctx.path.transport() == Transport.LAN_UDP;
        startAt = lan ? ctx.now : ctx.now + Timeouts.PASSTHROUGH_PAUSE;
        onTick();
    }

    private void start() {
        started = true;
        ctx.path.enableLocking();
        ctx.path.control(ctx.traffic.createKcp());
        ctx.kcp = new KcpPair(ctx, ctx.path);
        ctx.streamId = ctx.entropy.streamId();
        ctx.initReq = AvStreamCtlCodec.encode(AvStreamCtl.initReq(ctx.streamId));
        ctx.traffic.awaitAccept();
        sendSegment(0);
        handmade = 1;
        tries = 1;
        nextTry = ctx.now + Timeouts.INITREQ_SPACING;
        deadline = ctx.now + Timeouts.INITREQ_TOTAL;
    }

    private void sendSegment(int sn) {
        ctx.path.manual(KcpManualSegments.initReqPush(ctx.kcp.ctrlConv(), sn, (int) ctx.now, ctx.initReq));
    }

    @Override
    void onTick() {
        if (isComplete()) {
            return;
        }
        if (!started) {
            if (ctx.now < startAt) {
                return;
            }
            start();
        }
        Transport via = ctx.traffic.takeAccept();
        if (via != null) {
            accept(via);
            return;
        }
        if (ctx.now >= deadline) {
            ctx.fail(ctx.unreachableReason(), "no ACCEPT from the camera in 60 s (" + tries + " INITREQ tries)");
            return;
        }
        if (ctx.now >= nextTry) {
            tries++;
            sendSegment(0);
            sendSegment(handmade++);
            if (tries % Timeouts.INITREQ_HEARTBEAT_EVERY == 0) {
                ctx.heartbeat();
            }
            nextTry = ctx.now + Timeouts.INITREQ_SPACING;
        }
    }

    private void accept(Transport via) {
        KcpPair kcp = ctx.kcp;
        kcp.ctrl.advanceSendSequence(handmade);
        kcp.data.send(AvStreamCtlCodec.encode(AvStreamCtl.start(ctx.streamId)));
        kcp.data.flush();
        kcp.data.send(ViewerAvInitCodec.encode(ctx.mtpCipher));
        kcp.data.flush();
        ctx.streamingVia = via;
        LOG.debug("Camera {}: START and AV_INIT sent after {} INITREQ tries", ctx.label, tries);
        complete();
    }

    @Override
    long nextWakeup() {
        if (isComplete()) {
            return Long.MAX_VALUE;
        }
        return started ? Math.min(nextTry, deadline) : startAt;
    }
}
