package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.wire.DetectReq2;
import dev.gwellbridge.wire.DetectResp;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.GutesRoute;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.PortStatReq;
import dev.gwellbridge.wire.PortStatResp;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import dev.gwellbridge.wire.SessionControlMessage;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * One simulated camera: its UDP socket's traffic, impaired in both directions, its current call
 * ({@link CameraSession}), and the operator's controls (vanish, return, blackout).
 *
 * <p>On its UDP port the camera answers PortStatReq with 0xCB and DetectReq2 with 0x02 at any time
 * (in relay-only mode the port stays silent), and hands MTP datagrams of the current call to the
 * session. Frames from a TCP relay and from PASSTHROUGH reach the session directly. Before any
 * simulated loss, every datagram is audited for the client's violations: KCP of another camera's
 * call arriving here, and the client's meter requests (for the gap check).
 *
 * <p>Sans-IO, confined to the simulator's loop thread; {@link #snapshotStreaming()} and friends
 * may be read from any thread.
 */
final class SimCamera implements CameraSession.Context {

    private record Outage(long from, long until) {}

    private final int index;
    private final CameraIdentity identity;
    private final InetSocketAddress address;
    private final SimMode mode;
    private final CameraBehaviour behaviour;
    private final VideoSource source;
    private final SentVideo sent;
    private final Violations violations;
    private final PeerOutput out;
    private final PassthroughSender passthrough;
    private final IntFunction<String> convOwner;
    private final InstantSource wall;
    private final long start;
    private final ImpairedLink<Datagram> up;
    private final ImpairedLink<Datagram> down;
    private final List<Outage> outages = new ArrayList<>();
    private final Set<Integer> wrongConvsReported = new HashSet<>();
    private CameraSession session;
    private boolean vanished;
    private long vanishedAt;
    private long clock;
    private long ignored;
    private volatile boolean streamingSnapshot;
    private volatile boolean vanishedSnapshot;

    /**
     * @param convOwner the device id of the camera whose current call uses a KCP conv, or null
     * @param start the clock value at the simulator's start
     */
    SimCamera(
            int index,
            CameraIdentity identity,
            InetSocketAddress address,
            SimulatorConfig config,
            SimRandom random,
            VideoSource source,
            Violations violations,
            PeerOutput out,
            PassthroughSender passthrough,
            IntFunction<String> convOwner,
            InstantSource wall,
            long start) {
        this.index = index;
        this.identity = identity;
        this.address = address;
        this.mode = config.mode();
        this.behaviour = config.cameraBehaviour();
        this.source = source;
        this.sent = new SentVideo(config.sentVideoLimit());
        this.violations = violations;
        this.out = out;
        this.passthrough = passthrough;
        this.convOwner = convOwner;
        this.wall = wall;
        this.start = start;
        Impairment impairment = config.cameraImpairment(index);
        this.up = new ImpairedLink<>(impairment, random.derive("camera-" + index + "-up"), start, this::process);
        this.down = new ImpairedLink<>(
                impairment,
                random.derive("camera-" + index + "-down"),
                start,
                (g, now) -> out.udp(index, g.peer(), g.bytes()));
    }

    CameraIdentity identity() {
        return identity;
    }

    InetSocketAddress address() {
        return address;
    }

    /**
     * The server forwards a call (a repeated CALLING of the same linkId changes nothing; a vanished
     * camera misses it).
     */
    void onCall(CallInfo call, long now) {
        clock = now;
        if (vanished) {
            return; // an offline camera never hears of the call
        }
        if (session != null && !session.ended() && session.call().linkId() == call.linkId()) {
            return;
        }
        if (session != null) {
            session.end(now);
        }
        session = new CameraSession(this, call, now);
    }

    /** The server tore down the client's session: a call from {@code client} ends. */
    void onClientGone(InetSocketAddress client, long now) {
        if (session != null && session.call().client().equals(client)) {
            session.end(now);
        }
    }

    /** A datagram at the camera's UDP socket. */
    void onUdp(InetSocketAddress from, byte[] d, long now) {
        clock = now;
        audit(d, now);
        if (!vanished) {
            up.offer(new Datagram(from, d), now);
        }
    }

    /** A TCP relay connection registered for this camera's current call. */
    void attachRelay(RelayLink link, long now) {
        clock = now;
        if (session != null && !session.ended() && !vanished) {
            session.attachRelay(link);
            session.heard(new ViewerPath.Relay(link), now);
        }
    }

    /** An MTP frame from a registered TCP relay connection. */
    void onRelayFrame(RelayLink link, byte[] frame, long now) {
        clock = now;
        audit(frame, now);
        if (!vanished && session != null && !session.ended()) {
            session.onMtp(new ViewerPath.Relay(link), frame, now);
        }
    }

    /** An MTP frame the server took out of a PASSTHROUGH data frame from {@code client}. */
    void onPassthrough(InetSocketAddress client, byte[] frame, long now) {
        clock = now;
        audit(frame, now);
        if (!vanished
                && session != null
                && !session.ended()
                && session.call().client().equals(client)) {
            session.onMtp(new ViewerPath.Passthrough(client), frame, now);
        }
    }

    void tick(long now) {
        clock = now;
        up.drain(now);
        down.drain(now);
        if (!vanished && session != null) {
            session.tick(now);
        }
        streamingSnapshot = session != null && session.streaming() && !vanished;
    }

    long nextWakeup(long now) {
        long t = Math.min(up.nextDue(), down.nextDue());
        return !vanished && session != null && !session.ended() ? Math.min(t, session.nextWakeup(now)) : t;
    }

    /** The camera stops answering entirely; its state is kept. */
    void vanish(long now) {
        if (!vanished) {
            vanished = true;
            vanishedAt = now;
            vanishedSnapshot = true;
            up.clear();
            down.clear();
        }
    }

    /** The camera answers again; a call survives unless its meter timeout passed meanwhile. */
    void reappear(long now) {
        if (vanished) {
            vanished = false;
            vanishedSnapshot = false;
            outages.add(new Outage(vanishedAt, now));
        }
    }

    /** Both directions of the camera's UDP link lose everything for {@code durationMs} from now. */
    void blackout(long durationMs, long now) {
        up.blackout(now, now + durationMs);
        down.blackout(now, now + durationMs);
    }

    /** The KCP conv's owner: this camera's device id when its current call uses {@code conv}. */
    boolean ownsConv(int conv) {
        return session != null && !session.ended() && (session.dataConv() == conv || session.ctrlConv() == conv);
    }

    CameraSession session() {
        return session;
    }

    boolean snapshotStreaming() {
        return streamingSnapshot;
    }

    boolean snapshotVanished() {
        return vanishedSnapshot;
    }

    SentVideo sentVideo() {
        return sent;
    }

    /** The camera's two impaired links. */
    List<ImpairedLink<?>> links() {
        return List.of(up, down);
    }

    /** Datagrams the camera's UDP port dropped because it is silent in relay-only mode. */
    long ignored() {
        return ignored;
    }

    private void process(Datagram g, long now) {
        if (mode == SimMode.RELAY_ONLY) {
            ignored++;
            return;
        }
        ViewerPath from = new ViewerPath.Udp(g.peer());
        byte[] d = g.bytes();
        if (d.length > 0 && (d[0] & 0xFF) == MtpFrame.MAGIC) {
            if (session != null && !session.ended()) {
                session.onMtp(from, d, now);
            }
            return;
        }
        if (session != null && !session.ended()) {
            session.heard(from, now);
        }
        answerProbe(g, d);
    }

    /** PortStatReq gets a PortStatResp of the same layout, DetectReq2 a DetectResp (§13.2 item 3). */
    private void answerProbe(Datagram g, byte[] d) {
        GutesMessage m;
        try {
            m = GutesClassifier.atPeer(d, null, null);
        } catch (FrameException e) {
            return;
        }
        GutesMessage reply = null;
        if (m instanceof PortStatReq req) {
            reply = new PortStatResp(req.routingId(), req.targetTid(), req.linkId());
        } else if (m instanceof DetectReq2 req) {
            reply = DetectResp.of(GutesRoute.access(req.id()), req.sqnum());
        }
        if (reply != null) {
            down.offer(new Datagram(g.peer(), GutesCodecs.encode(reply, null)), clock);
        }
    }

    /** Checks the client's behaviour on the wire, before simulated loss. */
    private void audit(byte[] d, long now) {
        if (d.length == 0 || (d[0] & 0xFF) != MtpFrame.MAGIC) {
            return;
        }
        MtpDatagram m;
        try {
            m = MtpDatagramParser.parse(d, 0, d.length, 0, 0);
        } catch (FrameException e) {
            return;
        }
        for (MtpDatagram.SegmentRef s : m.segments()) {
            if (!ownsConv(s.conv())) {
                String owner = convOwner.apply(s.conv());
                if (owner != null && wrongConvsReported.add(s.conv())) {
                    violation(
                            ViolationKind.WRONG_ADDRESS,
                            "KCP for " + owner + " arrived at " + identity.deviceId(),
                            now);
                    break;
                }
            }
        }
        m.control().ifPresent(c -> {
            boolean request = c.command() == SessionControlMessage.CMD_METER_REQUEST
                    && !RelayRegistrationCodec.matches(d, 0, d.length)
                    && d.length >= c.offset() + 8;
            if (request
                    && session != null
                    && Le.int32(d, c.offset() + 4) == session.call().linkId()) {
                session.meterSeen(now);
            }
        });
    }

    @Override
    public long tid() {
        return identity.tid();
    }

    @Override
    public String deviceId() {
        return identity.deviceId();
    }

    @Override
    public CameraBehaviour behaviour() {
        return behaviour;
    }

    @Override
    public VideoSource source() {
        return source;
    }

    @Override
    public SentVideo sent() {
        return sent;
    }

    @Override
    public boolean relayOnly() {
        return mode == SimMode.RELAY_ONLY;
    }

    @Override
    public void send(ViewerPath path, byte[] mtpFrame) {
        if (vanished) {
            return;
        }
        if (path instanceof ViewerPath.Udp u) {
            down.offer(new Datagram(u.address(), mtpFrame), clock);
        } else if (path instanceof ViewerPath.Relay r) {
            if (!r.link().closed()) {
                out.tcp(r.link(), mtpFrame);
            }
        } else if (path instanceof ViewerPath.Passthrough && session != null) {
            passthrough.sendToViewer(session.call(), identity.tid(), mtpFrame, clock);
        }
    }

    @Override
    public void violation(ViolationKind kind, String detail, long now) {
        violations.record(kind, identity.deviceId(), now - start, detail);
    }

    @Override
    public boolean outageBetween(long from, long to) {
        if (up.blackoutOverlaps(from, to) || down.blackoutOverlaps(from, to)) {
            return true;
        }
        for (Outage o : outages) {
            if (o.from() <= to && o.until() >= from) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long wallMillis() {
        return wall.millis();
    }

    @Override
    public String toString() {
        return "SimCamera[" + index + ", " + identity.deviceId() + ", " + address + "]";
    }
}
