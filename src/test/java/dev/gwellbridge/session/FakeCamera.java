package dev.gwellbridge.session;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.kcp.KcpConfig;
import dev.gwellbridge.kcp.KcpConv;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.wire.AvChannel;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.AvMessageCodec;
import dev.gwellbridge.wire.AvStreamCtl;
import dev.gwellbridge.wire.AvStreamCtlCodec;
import dev.gwellbridge.wire.AvStreamCtlCommand;
import dev.gwellbridge.wire.Calling;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.HeadInfoCodec;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.MtpFrameCodec;
import dev.gwellbridge.wire.PortStatReq;
import dev.gwellbridge.wire.PortStatResp;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import dev.gwellbridge.wire.SessionControlMessage;
import dev.gwellbridge.wire.ViewerAvInitCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test-only camera written from GWELL-PROTOCOL.md §13.2: after the call is known, the first packet
 * from the client triggers a meter request; meter requests get acks; a KCP pair (windows 128/128)
 * is created on create-KCP or the first segment; the first INITREQ gets ACCEPT (CTRL) and STARTED
 * (DATA); the viewer AV_INIT starts head_info and then the H.264 given to it, in AV messages of at
 * most {@link #chunk} body bytes; its own meter request goes out every 2 s. It answers over UDP, or
 * over TCP when it is attached to the server's TCP listener (relay-only). Not thread-safe.
 */
final class FakeCamera {
    static final long TID = 0x0002A1B2C3D4E5F6L;
    static final KcpConfig CONFIG = new KcpConfig(0, 10, 10, 128, 128, 1400, 100, 200, 60_000, 20);

    final Ipv4Endpoint address;
    private int linkId;
    private Rc5x32 mtpKey;
    private long accessId;
    private boolean called;
    private Ipv4Endpoint client;
    private int tcp = -1;
    KcpEndpoint data;
    KcpEndpoint ctrl;
    private long now;
    private long nextMeter = Long.MAX_VALUE;
    private long nextUpdate;
    private int meterRound;
    private final List<PeerPacket> out = new ArrayList<>();
    private byte[] video = new byte[0];
    private int videoSent;
    private boolean videoStarted;
    private boolean accepted;

    // Knobs.
    boolean silent;
    boolean answerMeter = true;
    boolean sendMeterRequests = true;
    int initReqsToIgnore;
    boolean answerPortStat;
    int chunk = 1000;
    int sendWindow = 128;

    // Observations.
    int initReqs;
    int starts;
    int avInits;
    int createKcps;
    final List<Integer> clientMeterRounds = new ArrayList<>();
    int meterAcksFromClient;
    final List<Ipv4Endpoint> sources = new ArrayList<>();

    FakeCamera(Ipv4Endpoint address) {
        this.address = address;
    }

    int linkId() {
        return linkId;
    }

    void setVideo(byte[] h264) {
        this.video = h264.clone();
    }

    boolean videoDone() {
        return videoStarted && videoSent >= video.length;
    }

    void onCall(Calling c, long viewerAccessId) {
        linkId = c.linkId();
        mtpKey = Rc5x32.of(c.mtpKey().toByteArray());
        accessId = viewerAccessId;
        called = true;
    }

    /** Attaches the camera to a TCP relay connection (relay-only calls). */
    void attachTcp(int connection) {
        tcp = connection;
    }

    List<PeerPacket> onUdp(Ipv4Endpoint from, byte[] d, long at) {
        now = at;
        if (silent || !called) {
            return take();
        }
        sources.add(from);
        client = from;
        firstContact();
        if (d.length > 0 && (d[0] & 0xFF) == MtpFrame.MAGIC) {
            mtp(d);
        } else {
            gutes(d);
        }
        return take();
    }

    List<PeerPacket> onTcpFrame(byte[] frame, long at) {
        now = at;
        if (silent || !called || RelayRegistrationCodec.matches(frame, 0, frame.length)) {
            if (called && !silent) {
                firstContact();
            }
            return take();
        }
        firstContact();
        mtp(frame);
        return take();
    }

    private void firstContact() {
        if (nextMeter == Long.MAX_VALUE && sendMeterRequests) {
            sendMeterRequest();
        }
    }

    private void sendMeterRequest() {
        byte[] req = MeterCodec.encode(new MeterMessage(false, linkId, TID, accessId, ++meterRound, now));
        send(req, true);
        nextMeter = now + 2_000;
    }

    private void gutes(byte[] d) {
        try {
            GutesMessage m = GutesClassifier.atPeer(d, null, null);
            if (m instanceof PortStatReq r && answerPortStat) {
                out.add(PeerPacket.udp(
                        address, client, GutesCodecs.encode(new PortStatResp(r.routingId(), accessId, linkId), null)));
            }
        } catch (FrameException e) {
            // The camera ignores what it cannot read, like the client.
        }
    }

    private void mtp(byte[] d) {
        MtpDatagram dg;
        try {
            dg = MtpDatagramParser.parse(d, 0, d.length, KcpConv.data(linkId), KcpConv.ctrl(linkId));
        } catch (FrameException e) {
            return;
        }
        dg.control().ifPresent(c -> control(d, c));
        if (!dg.segments().isEmpty()) {
            engines();
        }
        for (MtpDatagram.KcpRun run : dg.runs()) {
            (run.channel() == AvChannel.DATA ? data : ctrl).input(d, run.offset(), run.length(), now);
        }
        drain();
    }

    private void control(byte[] d, MtpDatagram.ControlRef c) {
        switch (c.command()) {
            case SessionControlMessage.CMD_METER_REQUEST -> {
                try {
                    MeterMessage m = MeterCodec.decode(d, c.offset(), d.length - c.offset());
                    clientMeterRounds.add(m.round());
                } catch (FrameException e) {
                    return;
                }
                if (answerMeter) {
                    send(MeterCodec.ackFor(d, c.offset(), d.length - c.offset()), true);
                }
            }
            case SessionControlMessage.CMD_METER_ACK -> meterAcksFromClient++;
            case SessionControlMessage.CMD_CREATE_KCP -> {
                createKcps++;
                engines();
            }
            default -> {}
        }
    }

    private void engines() {
        if (data == null) {
            data = new KcpEndpoint(
                    KcpConv.data(linkId), CONFIG.withSndWnd(sendWindow), (b, n) -> send(Arrays.copyOf(b, n), false));
            ctrl = new KcpEndpoint(KcpConv.ctrl(linkId), CONFIG, (b, n) -> send(Arrays.copyOf(b, n), false));
            data.update(now);
            ctrl.update(now);
        }
    }

    private void drain() {
        if (data == null) {
            return;
        }
        for (byte[] m = ctrl.recv(); m != null; m = ctrl.recv()) {
            if (m.length >= 12 && m[0] == AvMessage.TYPE_AVSTREAMCTL && Le.int32(m, 8) == 1) {
                initReqs++;
                if (initReqs > initReqsToIgnore && !accepted) {
                    accepted = true;
                    int streamId = Le.int32(m, 4);
                    ctrl.send(AvStreamCtlCodec.encode(AvStreamCtl.of(AvStreamCtlCommand.ACCEPT, streamId)));
                    data.send(AvStreamCtlCodec.encode(AvStreamCtl.of(AvStreamCtlCommand.START, streamId)));
                }
            }
        }
        for (byte[] m = data.recv(); m != null; m = data.recv()) {
            if (m.length >= 12 && m[0] == AvMessage.TYPE_AVSTREAMCTL && Le.int32(m, 8) == 6) {
                starts++;
            } else if (ViewerAvInitCodec.matches(m, 0, m.length, mtpKey)) {
                avInits++;
                if (!videoStarted) {
                    videoStarted = true;
                    byte[] params = "TEST-PEER-HEAD-INFO-0024".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    data.send(AvMessageCodec.encode(
                            new AvMessage(AvMessage.TYPE_AV_DATA, 0, HeadInfoCodec.encode(params)), mtpKey));
                }
            }
        }
    }

    List<PeerPacket> onTick(long at) {
        now = at;
        if (silent || (data == null && nextMeter == Long.MAX_VALUE)) {
            return take();
        }
        if (now >= nextMeter && sendMeterRequests) {
            sendMeterRequest();
        }
        if (data != null) {
            while (videoStarted && videoSent < video.length && data.waitSnd() < 2 * sendWindow) {
                int n = Math.min(chunk, video.length - videoSent);
                byte[] body = Arrays.copyOfRange(video, videoSent, videoSent + n);
                data.send(AvMessageCodec.encode(new AvMessage(AvMessage.TYPE_AV_DATA, 0, body), mtpKey));
                videoSent += n;
            }
            if (now >= nextUpdate) {
                data.update(now);
                ctrl.update(now);
                nextUpdate = now + 10;
            }
        }
        return take();
    }

    long nextWakeup() {
        if (silent) {
            return Long.MAX_VALUE;
        }
        long next = nextMeter;
        if (data != null) {
            next = Math.min(next, nextUpdate);
        }
        return next;
    }

    private void send(byte[] payload, boolean urgent) {
        int flags = (urgent ? MtpFrame.FLAG_URGENT : 0) | MtpFrame.FLAG_CONTROL;
        byte[] frame = new byte[MtpFrame.STANDARD_HEADER + payload.length];
        MtpFrameCodec.encode(flags, 0, payload, 0, payload.length, frame, 0);
        if (tcp >= 0) {
            out.add(PeerPacket.tcp(tcp, frame));
        } else if (client != null) {
            out.add(PeerPacket.udp(address, client, frame));
        }
    }

    private List<PeerPacket> take() {
        List<PeerPacket> copy = List.copyOf(out);
        out.clear();
        return copy;
    }
}
