package dev.gwellbridge.session;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.kcp.KcpConfig;
import dev.gwellbridge.kcp.KcpConv;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.wire.AvChannel;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.AvStreamCtlCommand;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.H264Extractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call's two KCP engines (GWELL-PROTOCOL.md §9.2, §9.3): DATA with a receive window of 512 and
 * CTRL with 128, both flushing into the camera path. The DATA window is what keeps one lost
 * datagram at video rate from stalling the stream (14 351 "too far ahead" drops in one reported
 * incident with 64).
 *
 * <p>New engines are updated once with the current time at creation, so that START and AV_INIT
 * never carry ts = 0 (§11.6 item 7). Confined to the session thread.
 */
final class KcpPair {
    private static final Logger LOG = LoggerFactory.getLogger(KcpPair.class);

    final KcpEndpoint data;
    final KcpEndpoint ctrl;
    private final SessionContext ctx;
    private final long interval;
    private long nextUpdate;

    KcpPair(SessionContext ctx, CameraPath path) {
        this(ctx, path, KcpConfig.data(), KcpConfig.ctrl());
    }

    KcpPair(SessionContext ctx, CameraPath path, KcpConfig dataConfig, KcpConfig ctrlConfig) {
        this.ctx = ctx;
        this.data = new KcpEndpoint(KcpConv.data(ctx.linkId), dataConfig, path::kcpOutput);
        this.ctrl = new KcpEndpoint(KcpConv.ctrl(ctx.linkId), ctrlConfig, path::kcpOutput);
        this.interval = dataConfig.effectiveInterval();
        data.update(ctx.now);
        ctrl.update(ctx.now);
        nextUpdate = ctx.now + interval;
    }

    KcpEndpoint engine(AvChannel channel) {
        return channel == AvChannel.DATA ? data : ctrl;
    }

    int dataConv() {
        return data.conv();
    }

    int ctrlConv() {
        return ctrl.conv();
    }

    /**
     * Runs both engines' update every 10 ms, as the reference's ticker does. ({@code ikcp_check}
     * alone cannot pace the calls: it answers "now" for an overdue retransmission even while the
     * engine's flush time has not come, so a loop driven by it would spin.)
     */
    void tick() {
        if (ctx.now >= nextUpdate) {
            data.update(ctx.now);
            ctrl.update(ctx.now);
            nextUpdate = Math.max(nextUpdate + interval, ctx.now + 1);
        }
    }

    long nextWakeup() {
        return nextUpdate;
    }

    /**
     * Takes every complete message: DATA messages go through H.264 recovery (§10.4), CTRL messages
     * are decrypted and logged.
     */
    void drain() {
        for (byte[] m = data.recv(); m != null; m = data.recv()) {
            try {
                H264Extractor.extract(AvChannel.DATA, m, 0, m.length, ctx.mtpCipher, ctx::video);
            } catch (FrameException e) {
                ctx.malformed("DATA message: " + e.getMessage(), m);
            }
        }
        for (byte[] m = ctrl.recv(); m != null; m = ctrl.recv()) {
            try {
                H264Extractor.extract(AvChannel.CTRL, m, 0, m.length, ctx.mtpCipher, ctx::video);
            } catch (FrameException e) {
                ctx.malformed("CTRL message: " + e.getMessage(), m);
                continue;
            }
            if (m.length >= 12 && m[0] == AvMessage.TYPE_AVSTREAMCTL) {
                int command = Le.int32(m, 8);
                LOG.debug(
                        "Camera {}: CTRL AVSTREAMCTL {}",
                        ctx.label,
                        AvStreamCtlCommand.fromCode(command).map(Enum::name).orElse(Integer.toString(command)));
            }
        }
    }

    long duplicates() {
        return data.counters().duplicates() + ctrl.counters().duplicates();
    }

    long retransmissions() {
        return data.counters().retransmissions()
                + data.counters().fastRetransmissions()
                + ctrl.counters().retransmissions()
                + ctrl.counters().fastRetransmissions();
    }

    long droppedAhead() {
        return data.counters().droppedAhead() + ctrl.counters().droppedAhead();
    }
}
