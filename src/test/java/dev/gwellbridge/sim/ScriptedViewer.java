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
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.DeviceList;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.GutesRoute;
import dev.gwellbridge.wire.H264Extractor;
import dev.gwellbridge.wire.Heartbeat;
import dev.gwellbridge.wire.InitInfoMsg;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.MtpFrameCodec;
import dev.gwellbridge.wire.MtpStreamFramer;
import dev.gwellbridge.wire.Octets;
import dev.gwellbridge.wire.RelayRegistration;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import dev.gwellbridge.wire.ResRequest;
import dev.gwellbridge.wire.ResResponse;
import dev.gwellbridge.wire.RoutingId;
import dev.gwellbridge.wire.SessionControlMessage;
import dev.gwellbridge.wire.SubscribeDeviceId;
import dev.gwellbridge.wire.ViewerAvInitCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A minimal viewer written from GWELL-PROTOCOL.md alone, for driving the simulator over real
 * sockets: certify, init-info, subscribe, calling, then the camera path (direct UDP, or a TCP relay
 * to the server), create-KCP, INITREQ, START and AV_INIT, and finally video received and
 * acknowledged through a KCP engine while meter requests go both ways. Every request/response step
 * is repeated until answered, so it works on a lossy link. One thread, one selector.
 */
final class ScriptedViewer implements AutoCloseable {
    /**
     * What the viewer does.
     *
     * @param relay reach the camera through a TCP relay connection to the server (else UDP to the
     *     address in CALLING ACK)
     * @param sendAvInit whether to send the viewer AV_INIT (without it the camera never starts)
     * @param ackVideo whether to feed received DATA segments to the engine (without it no ACKs go out)
     */
    record Script(boolean relay, boolean sendAvInit, boolean ackVideo) {
        static final Script WELL_BEHAVED = new Script(false, true, true);

        Script viaRelay() {
            return new Script(true, sendAvInit, ackVideo);
        }

        Script withoutAvInit() {
            return new Script(relay, false, ackVideo);
        }

        Script withoutAcks() {
            return new Script(relay, sendAvInit, false);
        }
    }

    private static final long RETRY_MS = 300;
    private static final long METER_MS = 2000;

    private final Script script;
    private final InetSocketAddress server;
    private final SimCameraInfo camera;
    private final AccessCredentials credentials;
    private final SplittableRandom random;
    private final Selector selector;
    private final DatagramChannel udp;
    private final ByteBuffer buffer = ByteBuffer.allocate(65_536);
    private final ByteArrayOutputStream h264 = new ByteArrayOutputStream();
    private final MtpStreamFramer framer = new MtpStreamFramer();
    private final long base = System.nanoTime();
    private SocketChannel tcp;
    private Rc5x32 sessionKey;
    private long routingId;
    private long tid;
    private int linkId;
    private Rc5x32 mtpKey;
    private InetSocketAddress cameraAddress;
    private KcpEndpoint data;
    private KcpEndpoint ctrl;
    private boolean accepted;
    private int sqnum = 1;
    private int meterRound;
    private long nextMeterAt;

    ScriptedViewer(Script script, InetSocketAddress server, SimCameraInfo camera, long seed) throws Exception {
        this.script = script;
        this.server = server;
        this.camera = camera;
        this.credentials = AccessCredentials.parse(camera.accessId(), camera.accessToken());
        this.random = new SplittableRandom(seed);
        this.selector = Selector.open();
        this.udp = DatagramChannel.open(StandardProtocolFamily.INET);
        udp.bind(new InetSocketAddress(server.getAddress(), 0));
        udp.configureBlocking(false);
        udp.register(selector, SelectionKey.OP_READ);
    }

    /** Runs the set-up up to the AV handshake; returns once START (and AV_INIT) are queued. */
    void connect(long timeoutMs) throws Exception {
        long deadline = now() + timeoutMs;
        certify(deadline);
        initInfo(deadline);
        subscribe();
        calling(deadline);
        openCameraPath();
        startStream(deadline);
    }

    /** Receives video until {@code done} holds or the time is up. */
    void stream(BooleanSupplier done, long timeoutMs) throws IOException {
        long deadline = now() + timeoutMs;
        while (!done.getAsBoolean() && now() < deadline) {
            pump(10);
        }
    }

    /** The H.264 received so far. */
    byte[] h264() {
        return h264.toByteArray();
    }

    private void certify(long deadline) throws Exception {
        CertifyReq req = CertifyReq.random(credentials.accessId(), sqnum++, random, System.currentTimeMillis());
        byte[] wire = CertifyReqCodec.forCredentials(credentials).encode(req, null);
        byte[] answer = exchange(server, wire, d -> certifyOk(d), deadline);
        if (answer == null) {
            throw new IOException("no CertifyResp");
        }
        sessionKey = Rc5x32.of(req.sessionKey().toByteArray());
    }

    private static boolean certifyOk(byte[] d) {
        try {
            CertifyResp r = CertifyRespCodec.INSTANCE.acceptWire(d);
            return r.success();
        } catch (FrameException e) {
            return false;
        }
    }

    private void initInfo(long deadline) throws Exception {
        byte[] wire = GutesCodecs.encode(new InitInfoMsg(credentials.accessId(), sqnum++), sessionKey);
        DeviceList[] list = new DeviceList[1];
        exchange(
                server,
                wire,
                d -> {
                    GutesMessage m = classify(d);
                    if (m instanceof RoutingId r && routingId == 0) {
                        routingId = r.routingId();
                    } else if (m instanceof DeviceList l) {
                        list[0] = l;
                    }
                    return routingId != 0 && list[0] != null;
                },
                deadline);
        DeviceEntry target = list[0].select(camera.deviceId()).orElseThrow(() -> new IOException("empty device list"));
        tid = target.tid();
    }

    private void subscribe() throws IOException {
        send(
                server,
                GutesCodecs.encode(
                        new SubscribeDeviceId(GutesRoute.routing(routingId), sqnum++, credentials.accessId()),
                        sessionKey));
    }

    private void calling(long deadline) throws Exception {
        linkId = random.nextInt() | 1;
        byte[] key = new byte[8];
        random.nextBytes(key);
        mtpKey = Rc5x32.of(key);
        Calling c = new Calling(
                GutesRoute.routing(routingId),
                sqnum++,
                false,
                linkId,
                credentials.accessId(),
                tid,
                0,
                Ipv4.ANY,
                Octets.of(key));
        byte[] wire = GutesCodecs.encode(c, sessionKey);
        boolean[] res = new boolean[1];
        exchange(
                server,
                wire,
                d -> {
                    GutesMessage m = classify(d);
                    if (m instanceof CallingAck ack && cameraAddress == null) {
                        cameraAddress = ack.peer().toSocketAddress();
                    } else if (m instanceof ResResponse) {
                        res[0] = true;
                    }
                    return cameraAddress != null && (res[0] || script.relay() || cameraAddress.getPort() == 0);
                },
                deadline);
        send(server, GutesCodecs.encode(new ResRequest(routingId, linkId, credentials.accessId(), tid), sessionKey));
    }

    private void openCameraPath() throws IOException {
        if (script.relay()) {
            tcp = SocketChannel.open(server);
            tcp.configureBlocking(false);
            tcp.register(selector, SelectionKey.OP_READ);
            writeTcp(RelayRegistrationCodec.encode(
                    new RelayRegistration(linkId, credentials.accessId(), tid, System.currentTimeMillis())));
        } else if (cameraAddress.getPort() == 0) {
            throw new IOException("CALLING ACK gave no camera address");
        }
        data = new KcpEndpoint(KcpConv.data(linkId), KcpConfig.data(), (buf, len) -> toCamera(buf, len, false));
        ctrl = new KcpEndpoint(KcpConv.ctrl(linkId), KcpConfig.ctrl(), (buf, len) -> toCamera(buf, len, false));
        data.update(now());
        ctrl.update(now());
        toCamera(CreateKcpCodec.encode(new CreateKcpMessage(linkId, credentials.accessId(), tid)), true);
    }

    private void startStream(long deadline) throws IOException {
        int streamId = random.nextInt() | 1;
        byte[] initReq = AvStreamCtlCodec.encode(AvStreamCtl.initReq(streamId));
        long nextTry = 0;
        while (!accepted) {
            if (now() > deadline) {
                throw new IOException("no ACCEPT");
            }
            if (now() >= nextTry) {
                byte[] seg = KcpManualSegments.initReqPush(ctrl.conv(), 0, (int) now(), initReq);
                toCamera(seg, seg.length, false);
                nextTry = now() + RETRY_MS;
            }
            pump(10);
        }
        ctrl.advanceSendSequence(1);
        data.send(AvStreamCtlCodec.encode(AvStreamCtl.start(streamId)));
        if (script.sendAvInit()) {
            data.send(ViewerAvInitCodec.encode(mtpKey));
        }
        data.flush();
        nextMeterAt = now();
    }

    /** Waits up to {@code ms} for traffic, handles it, and keeps the engines and meters going. */
    private void pump(long ms) throws IOException {
        selector.select(Math.max(1, ms));
        selector.selectedKeys().clear();
        for (byte[] d = receiveUdp(); d != null; d = receiveUdp()) {
            if ((d[0] & 0xFF) == MtpFrame.MAGIC) {
                onMtp(d);
            }
        }
        if (tcp != null) {
            buffer.clear();
            int n = tcp.read(buffer);
            if (n > 0) {
                for (byte[] f : framer.feed(buffer.array(), 0, n)) {
                    onMtp(f);
                }
            }
        }
        long now = now();
        if (data != null) {
            ctrl.update(now);
            data.update(now);
            if (accepted && now >= nextMeterAt) {
                MeterMessage m = new MeterMessage(
                        false, linkId, credentials.accessId(), tid, ++meterRound, System.currentTimeMillis());
                toCamera(MeterCodec.encode(m), true);
                nextMeterAt = now + METER_MS;
            }
        }
    }

    private void onMtp(byte[] d) throws IOException {
        if (data == null) {
            return;
        }
        MtpDatagram m;
        try {
            m = MtpDatagramParser.parse(d, 0, d.length, data.conv(), ctrl.conv());
        } catch (FrameException e) {
            return;
        }
        AvStreamCtlScanner.scan(d, m).filter(s -> s.isAccept()).ifPresent(s -> accepted = true);
        if (m.control().isPresent()) {
            MtpDatagram.ControlRef c = m.control().get();
            if (c.command() == SessionControlMessage.CMD_METER_REQUEST) {
                toCamera(MeterCodec.ackFor(d, c.offset(), Math.min(d.length - c.offset(), MeterCodec.LENGTH)), true);
            }
        }
        for (MtpDatagram.KcpRun run : m.runs()) {
            if (run.channel() == AvChannel.DATA && !script.ackVideo()) {
                continue;
            }
            (run.channel() == AvChannel.DATA ? data : ctrl).input(d, run.offset(), run.length(), now());
        }
        for (byte[] msg = data.recv(); msg != null; msg = data.recv()) {
            try {
                H264Extractor.extract(AvChannel.DATA, msg, 0, msg.length, mtpKey, h264::write);
            } catch (FrameException e) {
                throw new IOException("bad AV message from the camera", e);
            }
        }
        while (ctrl.recv() != null) {
            // CTRL carries only AVSTREAMCTL here; ACCEPT was already seen by the scanner.
        }
    }

    /** Sends a request until an answer satisfies {@code done}; returns the last datagram seen. */
    private byte[] exchange(InetSocketAddress to, byte[] wire, Predicate<byte[]> done, long deadline)
            throws IOException {
        long nextTry = 0;
        while (now() < deadline) {
            if (now() >= nextTry) {
                send(to, wire);
                nextTry = now() + RETRY_MS;
            }
            selector.select(10);
            selector.selectedKeys().clear();
            for (byte[] d = receiveUdp(); d != null; d = receiveUdp()) {
                if (done.test(d)) {
                    return d;
                }
            }
        }
        throw new IOException("no answer before the deadline");
    }

    private GutesMessage classify(byte[] d) {
        try {
            return GutesClassifier.atClient(d, sessionKey);
        } catch (FrameException e) {
            return null;
        }
    }

    private byte[] receiveUdp() throws IOException {
        buffer.clear();
        if (udp.receive(buffer) == null) {
            return null;
        }
        buffer.flip();
        byte[] d = new byte[buffer.remaining()];
        buffer.get(d);
        return d;
    }

    private void toCamera(byte[] payload, boolean urgent) {
        toCamera(payload, payload.length, urgent);
    }

    private void toCamera(byte[] buf, int len, boolean urgent) {
        byte[] payload = Arrays.copyOf(buf, len);
        try {
            if (script.relay()) {
                writeTcp(MtpFrameCodec.encode(MtpFrame.standard(payload, urgent, false)));
            } else {
                send(cameraAddress, MtpFrameCodec.encode(MtpFrame.standard(payload, urgent, true)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeTcp(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            tcp.write(b);
        }
    }

    private void send(InetSocketAddress to, byte[] wire) throws IOException {
        udp.send(ByteBuffer.wrap(wire), to);
    }

    /** A heartbeat to the server (tests of the heartbeat rule). */
    void heartbeat() throws IOException {
        send(server, GutesCodecs.encode(new Heartbeat(credentials.accessId(), sqnum++), sessionKey));
    }

    private long now() {
        return (System.nanoTime() - base) / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        if (tcp != null) {
            tcp.close();
        }
        udp.close();
        selector.close();
    }
}
