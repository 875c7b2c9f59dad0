package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.kcp.KcpConfig;
import dev.gwellbridge.kcp.KcpConv;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.wire.AvChannel;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.MtpFrameCodec;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import dev.gwellbridge.wire.SessionControlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call at a simulated camera (GWELL-PROTOCOL.md §13.2): the KCP pair of the call's linkId, the
 * AV handshake, the video pump and the meter exchange, plus the checks that record the client's
 * violations on this path.
 *
 * <p>The camera stays silent until the client's first packet after the call; then it sends a meter
 * request at once and every {@code meterIntervalMs}. Replies go to where the client was heard:
 * its UDP address, else a registered TCP relay, else (relay-only) PASSTHROUGH through the server.
 *
 * <p>Sans-IO, confined to the simulator's loop thread.
 */
final class CameraSession implements AvHandshake.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSession.class);

    /** KCP flags of §13.2: nodelay 0, interval 10, resend 10, nc 1, windows 128/128. */
    static final KcpConfig KCP = KcpConfig.data().withRcvWnd(128).withSndWnd(128);

    /** What a session needs from its camera. */
    interface Context {
        long tid();

        String deviceId();

        CameraBehaviour behaviour();

        VideoSource source();

        SentVideo sent();

        boolean relayOnly();

        /** Sends one MTP frame along {@code path}. */
        void send(ViewerPath path, byte[] mtpFrame);

        /** Records a violation of this camera's client. */
        void violation(ViolationKind kind, String detail, long now);

        /** Whether the camera was vanished or blacked out at any time in {@code [from, to]}. */
        boolean outageBetween(long from, long to);

        /** Wall-clock milliseconds for meter requests. */
        long wallMillis();
    }

    private final Context ctx;
    private final CallInfo call;
    private final KcpEndpoint data;
    private final KcpEndpoint ctrl;
    private final AvHandshake av;
    private final VideoPump pump;
    private ViewerPath udp;
    private RelayLink relay;
    private boolean heard;
    private long nextMeterAt;
    private int meterRound;
    private long lastMeterProcessed;
    private long lastMeterSeen;
    private boolean meterGapReported;
    private long streamingSince;
    private int lastUna;
    private long lastAckProgress;
    private boolean stallReported;
    private boolean ended;

    CameraSession(Context ctx, CallInfo call, long now) {
        this.ctx = ctx;
        this.call = call;
        this.data = new KcpEndpoint(KcpConv.data(call.linkId()), KCP, (buf, len) -> output(buf, len));
        this.ctrl = new KcpEndpoint(KcpConv.ctrl(call.linkId()), KCP, (buf, len) -> output(buf, len));
        // A first update sets the engines' clock, so their first segments carry a real ts (§11.6 item 7).
        data.update(now);
        ctrl.update(now);
        CameraBehaviour b = ctx.behaviour();
        this.av = new AvHandshake(call.mtpKey(), b.avInitTimeoutMs(), this);
        this.pump = new VideoPump(ctx.source(), call.mtpKey(), b.bodyBytes(), b.loopSource(), ctx.sent());
        this.lastAckProgress = now;
    }

    CallInfo call() {
        return call;
    }

    int dataConv() {
        return data.conv();
    }

    int ctrlConv() {
        return ctrl.conv();
    }

    /** Any packet of the client reached the camera along {@code from}. */
    void heard(ViewerPath from, long now) {
        if (from instanceof ViewerPath.Udp) {
            udp = from;
        } else if (from instanceof ViewerPath.Relay r) {
            relay = r.link();
        }
        if (!heard) {
            heard = true;
            lastMeterProcessed = now;
            lastMeterSeen = now;
            nextMeterAt = now;
            sendMeterIfDue(now);
        }
    }

    /** An MTP datagram or TCP frame from the client. */
    void onMtp(ViewerPath from, byte[] d, long now) {
        heard(from, now);
        MtpDatagram m;
        try {
            m = MtpDatagramParser.parse(d, 0, d.length, data.conv(), ctrl.conv());
        } catch (FrameException e) {
            return;
        }
        m.control().ifPresent(c -> onControl(from, d, c, now));
        for (MtpDatagram.KcpRun run : m.runs()) {
            KcpEndpoint engine = run.channel() == AvChannel.DATA ? data : ctrl;
            engine.input(d, run.offset(), run.length(), now);
        }
        drain(now);
    }

    private void onControl(ViewerPath from, byte[] d, MtpDatagram.ControlRef c, long now) {
        if (c.command() != SessionControlMessage.CMD_METER_REQUEST || RelayRegistrationCodec.matches(d, 0, d.length)) {
            return;
        }
        int available = d.length - c.offset();
        if (available < 8 || Le.int32(d, c.offset() + 4) != call.linkId()) {
            return;
        }
        lastMeterProcessed = now;
        byte[] ack = MeterCodec.ackFor(d, c.offset(), Math.min(available, MeterCodec.LENGTH));
        ctx.send(from, MtpFrameCodec.encode(MtpFrame.standard(ack, true, true)));
    }

    /** The client's meter request seen on the wire, before any simulated loss (for the gap check). */
    void meterSeen(long now) {
        lastMeterSeen = now;
        meterGapReported = false;
    }

    /** A TCP relay connection registered for this call. */
    void attachRelay(RelayLink link) {
        relay = link;
    }

    void tick(long now) {
        if (ended) {
            return;
        }
        CameraBehaviour b = ctx.behaviour();
        av.tick(now, b.renewalTimeoutMs());
        pump.pump(now, data, KCP.sndWnd());
        // DATA first: STARTED leaves before ACCEPT, as in the recorded sessions (§12.1).
        data.update(now);
        ctrl.update(now);
        sendMeterIfDue(now);
        checkMeters(now, b);
        checkAcks(now, b);
    }

    /** When {@link #tick} next has work, at the latest. */
    long nextWakeup(long now) {
        long t = Math.min(data.check(now), ctrl.check(now));
        t = Math.min(t, pump.nextDue());
        return heard ? Math.min(t, nextMeterAt) : t;
    }

    private void drain(long now) {
        for (byte[] msg = ctrl.recv(); msg != null; msg = ctrl.recv()) {
            av.onCtrl(msg, now);
        }
        for (byte[] msg = data.recv(); msg != null; msg = data.recv()) {
            av.onData(msg, now);
        }
    }

    private void sendMeterIfDue(long now) {
        if (!heard || now < nextMeterAt) {
            return;
        }
        ViewerPath path = currentPath();
        if (path != null) {
            MeterMessage m =
                    new MeterMessage(false, call.linkId(), ctx.tid(), call.accessId(), ++meterRound, ctx.wallMillis());
            ctx.send(path, MtpFrameCodec.encode(MtpFrame.standard(MeterCodec.encode(m), true, true)));
        }
        nextMeterAt = now + ctx.behaviour().meterIntervalMs();
    }

    private void checkMeters(long now, CameraBehaviour b) {
        if (av.streaming() && !meterGapReported && now - Math.max(lastMeterSeen, streamingSince) > b.meterGapMs()) {
            meterGapReported = true;
            ctx.violation(
                    ViolationKind.METER_GAP,
                    "no meter request for " + (now - Math.max(lastMeterSeen, streamingSince)) + " ms while streaming",
                    now);
        }
        if (heard && now - lastMeterProcessed >= b.meterTimeoutMs()) {
            LOG.info("{}: no meter request for {} ms, ending the call", ctx.deviceId(), now - lastMeterProcessed);
            end(now);
        }
    }

    private void checkAcks(long now, CameraBehaviour b) {
        int una = data.sndUna();
        if (data.sndBufCount() == 0 || una != lastUna) {
            lastUna = una;
            lastAckProgress = now;
            stallReported = false;
        } else if (!stallReported
                && now - lastAckProgress >= b.ackStallMs()
                && !ctx.outageBetween(lastAckProgress, now)) {
            stallReported = true;
            ctx.violation(
                    ViolationKind.UNACKED_SEGMENTS,
                    data.sndBufCount() + " DATA segments unacknowledged for " + (now - lastAckProgress) + " ms",
                    now);
        }
    }

    /** Ends the call: no more output, the camera forgets it. */
    void end(long now) {
        if (!ended) {
            ended = true;
            pump.stop();
            LOG.debug("{}: call {} ended at {}", ctx.deviceId(), Integer.toHexString(call.linkId()), now);
        }
    }

    boolean ended() {
        return ended;
    }

    boolean streaming() {
        return !ended && av.streaming();
    }

    /** Whether the stream has started (AV handshake complete) at any time. */
    boolean accepted() {
        return av.accepted();
    }

    private ViewerPath currentPath() {
        if (udp != null) {
            return udp;
        }
        if (relay != null && !relay.closed()) {
            return new ViewerPath.Relay(relay);
        }
        return ctx.relayOnly() ? new ViewerPath.Passthrough(call.client()) : null;
    }

    private void output(byte[] buf, int len) {
        ViewerPath path = currentPath();
        if (path == null || ended) {
            return;
        }
        byte[] frame = new byte[MtpFrame.STANDARD_HEADER + len];
        MtpFrameCodec.encode(MtpFrame.FLAG_CONTROL, 0, buf, 0, len, frame, 0);
        ctx.send(path, frame);
    }

    @Override
    public void sendCtrl(byte[] message) {
        ctrl.send(message);
    }

    @Override
    public void sendData(byte[] message) {
        data.send(message);
    }

    @Override
    public void startVideo(long now) {
        streamingSince = now;
        meterGapReported = false;
        LOG.info("{}: streaming to {}", ctx.deviceId(), call.client());
        pump.start(now, data);
    }

    @Override
    public void stopVideo(long now) {
        LOG.info("{}: video stopped", ctx.deviceId());
        pump.stop();
    }

    @Override
    public void violation(ViolationKind kind, String detail, long now) {
        ctx.violation(kind, detail, now);
    }
}
