package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.kcp.KcpConfig;
import dev.gwellbridge.kcp.KcpConv;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.kcp.KcpManualSegments;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.AvChannel;
import dev.gwellbridge.wire.AvStreamCtl;
import dev.gwellbridge.wire.AvStreamCtlCodec;
import dev.gwellbridge.wire.AvStreamCtlScanner;
import dev.gwellbridge.wire.Calling;
import dev.gwellbridge.wire.CallingAck;
import dev.gwellbridge.wire.CertifyReq;
import dev.gwellbridge.wire.CertifyReqCodec;
import dev.gwellbridge.wire.CertifyResp;
import dev.gwellbridge.wire.CertifyRespCodec;
import dev.gwellbridge.wire.CreateKcpCodec;
import dev.gwellbridge.wire.CreateKcpMessage;
import dev.gwellbridge.wire.DeviceList;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.GutesRoute;
import dev.gwellbridge.wire.H264Extractor;
import dev.gwellbridge.wire.InitInfoMsg;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.MtpFrameCodec;
import dev.gwellbridge.wire.Octets;
import dev.gwellbridge.wire.RoutingId;
import dev.gwellbridge.wire.SessionControlMessage;
import dev.gwellbridge.wire.ViewerAvInitCodec;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A sans-IO viewer for unit tests against {@link SimHarness}: builds every client frame with the
 * protocol codecs and reads the simulator's answers from the recording output. Steps can be left
 * out or reordered to provoke violations.
 */
final class VirtualViewer {
    final SimHarness h;
    final int cameraIndex;
    final InetSocketAddress me;
    final AccessCredentials credentials;
    final SplittableRandom random;
    final ByteArrayOutputStream h264 = new ByteArrayOutputStream();
    /** Every datagram the simulator sent to this viewer, in order. */
    final List<RecordingOutput.Sent> received = new ArrayList<>();

    Rc5x32 sessionKey;
    long routingId;
    DeviceList deviceList;
    CallingAck ack;
    int linkId;
    byte[] mtpKeyBytes;
    Rc5x32 mtpKey;
    KcpEndpoint data;
    KcpEndpoint ctrl;
    int streamId;
    boolean accepted;
    boolean ackVideo = true;
    boolean sendMeters = true;
    int sqnum = 1;
    private int meterRound;
    private long nextMeterAt;

    VirtualViewer(SimHarness h, int cameraIndex, InetSocketAddress me, long seed) {
        this.h = h;
        this.cameraIndex = cameraIndex;
        this.me = me;
        this.random = new SplittableRandom(seed);
        CameraIdentity id = h.identity(cameraIndex);
        this.credentials = id.credentials();
    }

    /** Sends to the server and returns the classified answers that arrived within the same tick. */
    List<GutesMessage> request(byte[] wire) {
        h.toServer(me, wire);
        h.advance(5);
        return gutesFromServer();
    }

    List<GutesMessage> gutesFromServer() {
        List<GutesMessage> out = new ArrayList<>();
        for (RecordingOutput.Sent s : collect()) {
            if (s.fromServer()) {
                try {
                    out.add(GutesClassifier.atClient(s.bytes(), sessionKey));
                } catch (FrameException e) {
                    // Frames of other sessions: ignored like a client must.
                }
            }
        }
        return out;
    }

    CertifyReq certifyRequest() {
        return CertifyReq.random(credentials.accessId(), sqnum++, random, SimHarness.WALL.millis());
    }

    byte[] certifyWire(CertifyReq req) {
        return CertifyReqCodec.forCredentials(credentials).encode(req, null);
    }

    /** CertifyReq; returns the server's answer decoded with the client's certify rule, or null. */
    CertifyResp certify() {
        CertifyReq req = certifyRequest();
        h.toServer(me, certifyWire(req));
        h.advance(5);
        for (RecordingOutput.Sent s : collect()) {
            if (s.fromServer()) {
                try {
                    CertifyResp r = CertifyRespCodec.INSTANCE.acceptWire(s.bytes());
                    if (r.success()) {
                        sessionKey = Rc5x32.of(req.sessionKey().toByteArray());
                    }
                    return r;
                } catch (FrameException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** InitInfoMsg; returns the answers in order and keeps the routing id and device list. */
    List<GutesMessage> initInfo() {
        List<GutesMessage> answers =
                request(GutesCodecs.encode(new InitInfoMsg(credentials.accessId(), sqnum++), sessionKey));
        for (GutesMessage m : answers) {
            if (m instanceof RoutingId r && routingId == 0) {
                routingId = r.routingId();
            } else if (m instanceof DeviceList l) {
                deviceList = l;
            }
        }
        return answers;
    }

    /** CALLING for the viewer's camera; returns the answers in order. */
    List<GutesMessage> call() {
        linkId = random.nextInt() | 1;
        mtpKeyBytes = new byte[8];
        random.nextBytes(mtpKeyBytes);
        mtpKey = Rc5x32.of(mtpKeyBytes);
        Calling c = new Calling(
                GutesRoute.routing(routingId),
                sqnum++,
                false,
                linkId,
                credentials.accessId(),
                h.identity(cameraIndex).tid(),
                0,
                Ipv4.ANY,
                Octets.of(mtpKeyBytes));
        List<GutesMessage> answers = request(GutesCodecs.encode(c, sessionKey));
        for (GutesMessage m : answers) {
            if (m instanceof CallingAck a) {
                ack = a;
            }
        }
        return answers;
    }

    /** Certify, init-info and CALLING. */
    void login() {
        certify();
        initInfo();
        call();
    }

    /** Creates the KCP pair and sends create-KCP to the camera. */
    void openKcp() {
        data = new KcpEndpoint(KcpConv.data(linkId), KcpConfig.data(), (buf, len) -> toCamera(buf, len, false));
        ctrl = new KcpEndpoint(KcpConv.ctrl(linkId), KcpConfig.ctrl(), (buf, len) -> toCamera(buf, len, false));
        data.update(h.now);
        ctrl.update(h.now);
        toCamera(
                CreateKcpCodec.encode(new CreateKcpMessage(
                        linkId, credentials.accessId(), h.identity(cameraIndex).tid())),
                true);
    }

    /** The hand-made INITREQ (CTRL sn 0), then a short wait for ACCEPT. */
    void initReq(int streamId) {
        this.streamId = streamId;
        byte[] seg = KcpManualSegments.initReqPush(
                ctrl.conv(), 0, (int) h.now, AvStreamCtlCodec.encode(AvStreamCtl.initReq(streamId)));
        toCamera(seg, seg.length, false);
        run(50);
        ctrl.advanceSendSequence(1);
    }

    void sendStart() {
        data.send(AvStreamCtlCodec.encode(AvStreamCtl.start(streamId)));
        data.flush();
    }

    void sendAvInit() {
        data.send(ViewerAvInitCodec.encode(mtpKey));
        data.flush();
    }

    /** The whole well-behaved sequence up to streaming. */
    void startStreaming() {
        login();
        openKcp();
        initReq(random.nextInt() | 1);
        sendStart();
        sendAvInit();
    }

    /** Lets {@code ms} pass in 5 ms steps, handling everything the camera sends to this viewer. */
    void run(long ms) {
        long end = h.now + ms;
        while (h.now < end) {
            h.advance(5);
            for (RecordingOutput.Sent s : collect()) {
                if (!s.fromServer() && s.bytes().length > 0 && (s.bytes()[0] & 0xFF) == MtpFrame.MAGIC) {
                    onMtp(s.bytes());
                }
            }
            if (data != null) {
                ctrl.update(h.now);
                data.update(h.now);
                if (sendMeters && accepted && h.now >= nextMeterAt) {
                    MeterMessage m = new MeterMessage(
                            false,
                            linkId,
                            credentials.accessId(),
                            h.identity(cameraIndex).tid(),
                            ++meterRound,
                            SimHarness.WALL.millis());
                    toCamera(MeterCodec.encode(m), true);
                    nextMeterAt = h.now + 2000;
                }
            }
        }
    }

    byte[] h264() {
        return h264.toByteArray();
    }

    /** Sends a payload to the camera in a standard MTP frame, as over UDP. */
    void toCamera(byte[] payload, boolean urgent) {
        toCamera(payload, payload.length, urgent);
    }

    void toCamera(byte[] buf, int len, boolean urgent) {
        byte[] frame = MtpFrameCodec.encode(MtpFrame.standard(Arrays.copyOf(buf, len), urgent, true));
        h.toCamera(cameraIndex, me, frame);
    }

    private void onMtp(byte[] d) {
        MtpDatagram m;
        try {
            m = MtpDatagramParser.parse(d, 0, d.length, data == null ? 0 : data.conv(), data == null ? 0 : ctrl.conv());
        } catch (FrameException e) {
            return;
        }
        AvStreamCtlScanner.scan(d, m).filter(s -> s.isAccept()).ifPresent(s -> accepted = true);
        m.control().ifPresent(c -> {
            if (c.command() == SessionControlMessage.CMD_METER_REQUEST) {
                toCamera(MeterCodec.ackFor(d, c.offset(), Math.min(d.length - c.offset(), MeterCodec.LENGTH)), true);
            }
        });
        if (data == null) {
            return;
        }
        for (MtpDatagram.KcpRun run : m.runs()) {
            if (run.channel() == AvChannel.DATA && !ackVideo) {
                continue;
            }
            (run.channel() == AvChannel.DATA ? data : ctrl).input(d, run.offset(), run.length(), h.now);
        }
        for (byte[] msg = data.recv(); msg != null; msg = data.recv()) {
            try {
                H264Extractor.extract(AvChannel.DATA, msg, 0, msg.length, mtpKey, h264::write);
            } catch (FrameException e) {
                throw new AssertionError("bad AV message", e);
            }
        }
        while (ctrl.recv() != null) {
            // Only ACCEPT travels on CTRL; the scanner saw it.
        }
    }

    private List<RecordingOutput.Sent> collect() {
        List<RecordingOutput.Sent> mine = new ArrayList<>();
        for (RecordingOutput.Sent s : h.out.take()) {
            if (me.equals(s.to())) {
                mine.add(s);
                received.add(s);
            }
        }
        return mine;
    }
}
