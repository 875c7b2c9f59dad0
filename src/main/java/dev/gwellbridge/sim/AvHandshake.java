package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.AvStreamCtl;
import dev.gwellbridge.wire.AvStreamCtlCodec;
import dev.gwellbridge.wire.AvStreamCtlCommand;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.ViewerAvInitCodec;
import java.util.Arrays;

/**
 * The camera's side of the AV handshake (GWELL-PROTOCOL.md §10.2, §10.3, §13.2 items 6–9), fed with
 * the KCP messages of one call.
 *
 * <pre>
 * CTRL INITREQ (first)      -&gt; ACCEPT on CTRL, STARTED on DATA (STARTED becomes DATA sn 0)
 * CTRL INITREQ (same id)    -&gt; renewal: nothing sent, the renewal timer restarts
 * CTRL INITREQ (other id)   -&gt; a new stream: ACCEPT + STARTED again, video stops until START/AV_INIT
 * DATA START                -&gt; noted; before ACCEPT it is a violation
 * DATA AV_INIT (type 4/2)   -&gt; must decrypt to zeros with the MTP key
 * START and AV_INIT seen    -&gt; video starts, unless the stream id was 0 or the av key wrong
 *                              (the camera accepts those but never sends)
 * CTRL STOP or CLOSE        -&gt; video stops
 * </pre>
 *
 * <p>Sans-IO, confined to the simulator's loop thread.
 */
final class AvHandshake {
    /** What the handshake asks its camera to do. */
    interface Listener {
        void sendCtrl(byte[] message);

        void sendData(byte[] message);

        void startVideo(long now);

        void stopVideo(long now);

        void violation(ViolationKind kind, String detail, long now);
    }

    private static final byte[] EXPECTED_AV_KEY = expectedAvKey();

    private final Rc5x32 mtpKey;
    private final long avInitTimeoutMs;
    private final Listener listener;
    private boolean accepted;
    private int streamId;
    private long acceptedAt;
    private long lastInitReqAt;
    private boolean silent;
    private boolean started;
    private boolean avInit;
    private boolean streaming;
    private boolean missingAvInitReported;

    /**
     * @param avInitTimeoutMs after ACCEPT, how long until a missing AV_INIT is recorded as a
     *     violation
     */
    AvHandshake(Rc5x32 mtpKey, long avInitTimeoutMs, Listener listener) {
        this.mtpKey = mtpKey;
        this.avInitTimeoutMs = avInitTimeoutMs;
        this.listener = listener;
    }

    /** A message received on the CTRL channel. */
    void onCtrl(byte[] msg, long now) {
        AvStreamCtl ctl = streamCtl(msg);
        if (ctl == null) {
            return;
        }
        if (ctl.command() == AvStreamCtlCommand.INITREQ.code()) {
            onInitReq(ctl, now);
        } else if (ctl.command() == AvStreamCtlCommand.STOP.code()
                || ctl.command() == AvStreamCtlCommand.CLOSE.code()) {
            stop(now);
        }
    }

    private void onInitReq(AvStreamCtl ctl, long now) {
        lastInitReqAt = now;
        if (accepted && ctl.streamId() == streamId) {
            return;
        }
        stop(now);
        accepted = true;
        streamId = ctl.streamId();
        acceptedAt = now;
        started = false;
        avInit = false;
        missingAvInitReported = false;
        silent = false;
        if (streamId == 0) {
            silent = true;
            listener.violation(ViolationKind.STREAM_ID_ZERO, "INITREQ with stream id 0", now);
        }
        if (!Arrays.equals(ctl.avKey(), EXPECTED_AV_KEY)) {
            silent = true;
            listener.violation(ViolationKind.BAD_AV_KEY, "INITREQ av key is not 02 00 ... 00", now);
        }
        listener.sendCtrl(AvStreamCtlCodec.encode(
                new AvStreamCtl(0, streamId, AvStreamCtlCommand.ACCEPT.code(), 0, 0, 0, EXPECTED_AV_KEY, 0)));
        listener.sendData(AvStreamCtlCodec.encode(AvStreamCtl.of(AvStreamCtlCommand.START, streamId)));
    }

    /** A message received on the DATA channel. */
    void onData(byte[] msg, long now) {
        if (msg.length >= AvMessage.HEADER && msg[0] == AvMessage.TYPE_AVSTREAMCTL) {
            AvStreamCtl ctl = streamCtl(msg);
            if (ctl != null && ctl.command() == AvStreamCtlCommand.START.code()) {
                if (!accepted) {
                    listener.violation(ViolationKind.START_BEFORE_ACCEPT, "START before the camera's ACCEPT", now);
                } else {
                    started = true;
                }
            }
        } else if (msg.length >= AvMessage.HEADER && msg[0] == AvMessage.TYPE_AV_DATA && msg[1] == 2) {
            if (ViewerAvInitCodec.matches(msg, 0, msg.length, mtpKey)) {
                avInit = true;
            } else {
                listener.violation(
                        ViolationKind.BAD_AV_INIT, "AV_INIT does not decrypt to zeros with the MTP key", now);
            }
        }
        if (accepted && started && avInit && !silent && !streaming) {
            streaming = true;
            listener.startVideo(now);
        }
    }

    /** Time-driven checks: the missing AV_INIT record and, if enabled, the renewal timer. */
    void tick(long now, long renewalTimeoutMs) {
        if (accepted && !avInit && !missingAvInitReported && now - acceptedAt >= avInitTimeoutMs) {
            missingAvInitReported = true;
            listener.violation(
                    ViolationKind.MISSING_AV_INIT, "no viewer AV_INIT " + avInitTimeoutMs + " ms after ACCEPT", now);
        }
        if (streaming && renewalTimeoutMs > 0 && now - lastInitReqAt >= renewalTimeoutMs) {
            stop(now);
        }
    }

    private void stop(long now) {
        if (streaming) {
            streaming = false;
            listener.stopVideo(now);
        }
    }

    /** Whether ACCEPT was sent. */
    boolean accepted() {
        return accepted;
    }

    /** Whether video is flowing (or would be, window permitting). */
    boolean streaming() {
        return streaming;
    }

    /** The accepted stream id. */
    int streamId() {
        return streamId;
    }

    private static AvStreamCtl streamCtl(byte[] msg) {
        if (msg.length < AvStreamCtlCodec.LENGTH || msg[0] != AvMessage.TYPE_AVSTREAMCTL) {
            return null;
        }
        try {
            return AvStreamCtlCodec.decode(msg, 0, msg.length);
        } catch (FrameException e) {
            return null;
        }
    }

    private static byte[] expectedAvKey() {
        byte[] key = new byte[AvStreamCtl.AV_KEY_LENGTH];
        key[0] = 2;
        return key;
    }
}
