package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.Calling;
import dev.gwellbridge.wire.CallingAck;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.Octets;
import dev.gwellbridge.wire.ResResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 6, calling (GWELL-PROTOCOL.md §6.7–§6.9, §11.3 items 1–5). Draws the MTP key and the
 * linkId, sends CALLING (with this host's address and port only when the camera's LAN IP is
 * configured) and reads the answers: the CALLING ACK gives the camera's address, the
 * MTP_RES_RESPONSE its ports and the relays, and ends the phase at once.
 *
 * <p>An ACK of 0.0.0.0:0 (relay-only camera) leaves 500 ms for a late MTP_RES_RESPONSE, which is
 * used when it comes (the fork read it and threw it away, §15 item 1); otherwise the phase ends at
 * the first 3 s read timeout or after 20 frames. It fails only with no ACK, no LAN IP and no relay.
 * While neither an ACK nor an MTP_RES_RESPONSE came, the same CALLING goes out again every second,
 * twice at most, since a lost CALLING never reaches the camera; each repeat opens a fresh 3 s read.
 * With the {@code lan} preference an ACK of 0.0.0.0 ends the session as {@code relay_only} at once,
 * instead of probing a LAN path the camera says it does not have.
 */
final class CallingPhase extends Phase {
    private static final Logger LOG = LoggerFactory.getLogger(CallingPhase.class);

    private int frames;
    private long deadline = Long.MAX_VALUE;
    private Calling request;
    private final RequestRepeat repeat =
            new RequestRepeat(Timeouts.CALLING_RESENDS, Timeouts.CALLING_RESEND, Timeouts.CALLING_READ);

    CallingPhase(SessionContext ctx) {
        super(ctx);
    }

    @Override
    SessionPhase id() {
        return SessionPhase.CALLING;
    }

    @Override
    void enter() {
        byte[] mtpKey = ctx.entropy.mtpKey();
        ctx.linkId = ctx.entropy.linkId();
        ctx.mtpCipher = Rc5x32.of(mtpKey);
        boolean lan = ctx.config.cameraLanIp().isPresent();
        request = new Calling(
                ctx.route(),
                ctx.nextSqnum(),
                false,
                ctx.linkId,
                ctx.accessId,
                ctx.cameraTid,
                lan ? ctx.config.localPort() : 0,
                lan ? ctx.config.viewerLanIp() : Ipv4.ANY,
                Octets.of(mtpKey));
        ctx.toServer(request);
        ctx.path = new CameraPath(ctx);
        ctx.traffic = new CameraTraffic(ctx, ctx.path);
        deadline = ctx.now + Timeouts.CALLING_READ;
        repeat.sent(ctx.now);
    }

    @Override
    void onServerDatagram(byte[] d) {
        if (d.length > 0 && (d[0] & 0xFF) == MtpFrame.MAGIC) {
            return;
        }
        frames++;
        GutesMessage m;
        try {
            m = GutesClassifier.atClient(d, ctx.sessionKey);
        } catch (FrameException e) {
            ctx.malformed(e.getMessage(), d);
            m = null;
        }
        if (m instanceof CallingAck ack && ctx.callingAck == null) {
            ctx.callingAck = ack;
            LOG.debug("Camera {}: CALLING ACK {}", ctx.label, ack.peer());
        } else if (m instanceof ResResponse res) {
            ctx.resResponse = res;
            LOG.debug(
                    "Camera {}: MTP_RES_RESPONSE ports {}/{}/{}, {} relays",
                    ctx.label,
                    res.sessionPort(),
                    res.lanPort(),
                    res.outerPort(),
                    res.relays().size());
            finish();
            return;
        }
        if (frames >= Timeouts.CALLING_MAX_FRAMES) {
            finish();
            return;
        }
        deadline = ctx.callingAck != null && ctx.callingAck.peer().ip().isAny()
                ? Math.min(deadline, ctx.now + Timeouts.CALLING_RELAY_ONLY_GRACE)
                : ctx.now + Timeouts.CALLING_READ;
    }

    @Override
    void onTick() {
        if (isComplete()) {
            return;
        }
        deadline = repeat.onTick(ctx.now, ctx.callingAck == null && ctx.resResponse == null, deadline, () -> {
            LOG.debug("Camera {}: no answer to CALLING yet, sending it again ({})", ctx.label, repeat.repeats());
            ctx.toServer(request);
        });
        if (ctx.now >= deadline) {
            finish();
        }
    }

    private void finish() {
        deadline = Long.MAX_VALUE;
        repeat.stop();
        boolean relays = ctx.config.relaysAllowed()
                && ctx.resResponse != null
                && !ctx.resResponse.relays().isEmpty();
        if (ctx.callingAck == null && ctx.config.cameraLanIp().isEmpty() && !relays) {
            ctx.fail(FailureReason.CAMERA_UNREACHABLE, "the P2P server did not answer CALLING");
            return;
        }
        if (!ctx.config.relaysAllowed()
                && ctx.callingAck != null
                && ctx.callingAck.peer().ip().isAny()) {
            ctx.fail(FailureReason.RELAY_ONLY, "the camera offers no LAN path and transport is lan");
            return;
        }
        complete();
    }

    @Override
    long nextWakeup() {
        return Math.min(deadline, repeat.dueAt());
    }
}
