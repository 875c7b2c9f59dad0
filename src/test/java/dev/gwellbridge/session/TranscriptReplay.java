package dev.gwellbridge.session;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.number;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.kcp.KcpConv;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.CertifyReq;
import dev.gwellbridge.wire.CertifyReqCodec;
import dev.gwellbridge.wire.DetectReq2;
import dev.gwellbridge.wire.DetectReq2Codec;
import dev.gwellbridge.wire.GutesCipher;
import dev.gwellbridge.wire.GutesFlags;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.ListFrmRequest;
import dev.gwellbridge.wire.MtpStreamFramer;
import dev.gwellbridge.wire.RelayEntry;
import dev.gwellbridge.wire.ResResponse;
import dev.gwellbridge.wire.ResResponseCodec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * An interactive replay of one recorded session: our {@link SessionMachine}, given the recorded
 * random inputs, is fed each recorded server/camera datagram once it has sent the client message
 * that provoked it in the recording, not strictly at the recorded time, because our phases move on
 * at answers where the reference waited.
 *
 * <p>The provoking message of a peer datagram is the nearest earlier client datagram to the same
 * peer whose kind is causal (CertifyReq, InitInfoMsg, Subscribe, CALLING, PortStatReq, INITREQ,
 * START, AV_INIT, an own meter request). A datagram provoked by the same message as the previous
 * one from that peer keeps its recorded distance to that previous one (the camera's timers); one
 * with a new provoking message is fed when the machine has sent a message of that kind to that peer,
 * plus the recorded delay. The transcript's peer names are mapped to fixed loopback addresses, and
 * 127.0.0.1 counts as LAN, as in the recording's patch note.
 */
final class TranscriptReplay {
    private static final HexFormat HEX = HexFormat.of();
    private static final long SERVER_PORT = 28800;
    /** Longest virtual wait for a provoking message. */
    private static final long WAIT_BOUND = 70_000;

    /** What the machine sent: time, peer name, kinds, bytes. */
    @SuppressWarnings("ArrayRecordComponent")
    record Sent(long at, String peer, List<String> kinds, byte[] data) {}

    final JsonNode root;
    final Rc5x32 sessionKey;
    final Rc5x32 mtpKey;
    final Kinds kinds;
    final Map<String, Ipv4Endpoint> endpoints = new HashMap<>();
    final List<Sent> sent = new ArrayList<>();
    final List<SessionEvent> events = new ArrayList<>();
    final ByteArrayOutputStream video = new ByteArrayOutputStream();
    final Set<String> tcpListeners = new TreeSet<>();
    final Map<Integer, String> tcpNames = new HashMap<>();
    final Map<String, MtpStreamFramer> tcpFramers = new HashMap<>();
    final SessionMachine machine;
    long now;
    final long start;
    final long t0;

    TranscriptReplay(JsonNode root) throws Exception {
        this.root = root;
        JsonNode secrets = root.get("secrets");
        sessionKey = Rc5x32.of(bytes(secrets.get("session_key_hex")));
        mtpKey = Rc5x32.of(bytes(secrets.get("mtp_key_hex")));
        int linkId = (int) number(secrets.get("link_id"));
        kinds = new Kinds(sessionKey, KcpConv.data(linkId), KcpConv.ctrl(linkId));
        AccessCredentials credentials = AccessCredentials.parse(
                secrets.get("access_id").asText(), secrets.get("access_token").asText());

        JsonNode first = packets().get(0);
        CertifyReq certify = CertifyReqCodec.forCredentials(credentials)
                .decode(GutesCipher.robustDecrypt(bytes(first.get("hex")), null).frame());
        t0 = (long) Math.floor(first.get("t_ms").asDouble());
        start = certify.timeMillis();
        now = start;

        Ipv4Endpoint server = new Ipv4Endpoint(Ipv4.parse("127.0.0.1"), (int) SERVER_PORT);
        endpoints.put("server", server);
        endpoints.put("server(tcp)", server);
        ResResponse res = resResponse();
        if (res != null) {
            endpoints.put("camera", new Ipv4Endpoint(Ipv4.parse("127.0.0.1"), res.sessionPort()));
            for (RelayEntry r : res.relays()) {
                endpoints.put(r.tcp() ? "relayB(udp)" : "relayA(udp)", r.endpoint());
                if (r.tcp()) {
                    endpoints.put("relayB(tcp)", r.endpoint());
                }
            }
        }
        for (int port : new int[] {6789, 32761, 32100}) {
            endpoints.put("camera-port-" + port + "(unused)", new Ipv4Endpoint(Ipv4.parse("127.0.0.1"), port));
        }
        for (JsonNode p : packets()) {
            if (p.get("to").asText().endsWith("(tcp)") && p.get("from").asText().equals("client(tcp)")) {
                tcpListeners.add(p.get("to").asText());
            }
        }

        byte[] callingPlain = plainOf("0xa4", true);
        int localPort = Le.uint16(callingPlain, 54);
        boolean lan = localPort != 0;
        SessionConfig.Builder config = SessionConfig.builder(credentials, targetName())
                .server(server)
                .localPort(lan ? localPort : 40000)
                .viewerLanIp(Ipv4.parse("127.0.0.1"))
                .lanFilter(LanFilter.defaults().allowingLoopback());
        if (lan) {
            config.cameraLanIp(Ipv4.parse("127.0.0.1"));
        }
        machine = new SessionMachine(config.build(), new RecordedEntropy(certify));
    }

    private List<JsonNode> packets() {
        List<JsonNode> out = new ArrayList<>();
        root.get("packets").forEach(out::add);
        return out;
    }

    private ResResponse resResponse() throws Exception {
        byte[] plain = plainOf("0xa3", false);
        return plain == null ? null : ResResponseCodec.INSTANCE.decode(plain);
    }

    private byte[] plainOf(String sub, boolean fromClient) {
        for (JsonNode p : packets()) {
            JsonNode d = p.get("decoded");
            boolean client = p.get("from").asText().startsWith("client");
            if (client == fromClient && sub.equals(d.path("sub").asText())) {
                return HEX.parseHex(d.get("plain_hex").asText());
            }
        }
        return null;
    }

    private String targetName() throws Exception {
        byte[] list = plainOf("0xa7", false);
        long tid = number(root.get("secrets").get("camera_tid"));
        for (var d : dev.gwellbridge.wire.DeviceListCodec.INSTANCE.decode(list).devices()) {
            if (d.tid() == tid) {
                return d.name();
            }
        }
        throw new IllegalStateException("camera not in the recorded device list");
    }

    /** The random inputs the recorded client used, then fresh ones. */
    private final class RecordedEntropy implements SessionEntropy {
        private final SessionEntropy fresh = SessionEntropy.from(new SplittableRandom(99));
        private final Deque<byte[]> keys = new ArrayDeque<>();
        private final Deque<byte[]> nonces = new ArrayDeque<>();
        private final Deque<Integer> flags = new ArrayDeque<>();
        private final Deque<DetectReq2> probes = new ArrayDeque<>();
        private final int streamId;

        RecordedEntropy(CertifyReq certify) throws Exception {
            keys.add(certify.sessionKey().toByteArray());
            nonces.add(certify.nonce().toByteArray());
            flags.add(certify.randomFlags());
            int stream = 0;
            for (JsonNode p : packets()) {
                if (!p.get("from").asText().startsWith("client")) {
                    continue;
                }
                JsonNode d = p.get("decoded");
                String name = d.path("name").asText();
                if (name.contains("network detect")) {
                    flags.add((int) number(d.get("flags")) & GutesFlags.RANDOM_MASK);
                } else if ("0x01".equals(d.path("sub").asText())) {
                    probes.add(DetectReq2Codec.INSTANCE.decode(
                            HEX.parseHex(d.get("plain_hex").asText())));
                }
                for (JsonNode k : d.path("kcp")) {
                    if (stream == 0 && k.path("payload").path("avctl_cmd").asInt() == 1) {
                        stream = (int) number(k.get("payload").get("stream_id"));
                    }
                }
            }
            streamId = stream;
        }

        @Override
        public byte[] sessionKey() {
            return keys.isEmpty() ? fresh.sessionKey() : keys.poll();
        }

        @Override
        public byte[] nonce() {
            return nonces.isEmpty() ? fresh.nonce() : nonces.poll();
        }

        @Override
        public int flagBits() {
            return flags.isEmpty() ? fresh.flagBits() : flags.poll();
        }

        @Override
        public int linkId() {
            return (int) number(root.get("secrets").get("link_id"));
        }

        @Override
        public byte[] mtpKey() {
            return bytes(root.get("secrets").get("mtp_key_hex"));
        }

        @Override
        public int streamId() {
            return streamId;
        }

        @Override
        public DetectReq2 detectReq2() {
            return probes.isEmpty() ? fresh.detectReq2() : probes.poll();
        }

        @Override
        public ListFrmRequest listFrmRequest() {
            return fresh.listFrmRequest();
        }
    }

    private static boolean causal(String kind) {
        return kind.startsWith("G:0c")
                || kind.startsWith("G:a6")
                || kind.startsWith("G:b0")
                || kind.startsWith("G:a4")
                || kind.equals("G:ca:portstat")
                || kind.contains("initreq")
                || kind.equals("K:DATA:avctl6")
                || kind.equals("K:DATA:avinit")
                || kind.startsWith("M:meter-req");
    }

    private String causalKind(JsonNode clientPacket) {
        for (String k : kinds.of(bytes(clientPacket.get("hex")))) {
            if (causal(k)) {
                return k;
            }
        }
        return null;
    }

    /** Runs the whole replay. */
    void run() {
        machine.start(now);
        drain();
        List<JsonNode> all = packets();
        Map<String, Integer> lastTrigger = new HashMap<>();
        Map<String, Long> lastFeedOfPeer = new HashMap<>();
        Map<String, Double> lastRecordedOfPeer = new HashMap<>();
        long lastFeed = now;
        for (int i = 0; i < all.size(); i++) {
            JsonNode p = all.get(i);
            if (!p.get("to").asText().startsWith("client")) {
                continue;
            }
            String peer = p.get("from").asText();
            double t = p.get("t_ms").asDouble();
            int trigger = -1;
            String triggerKind = null;
            for (int j = i - 1; j >= 0; j--) {
                JsonNode c = all.get(j);
                if (c.get("from").asText().startsWith("client")
                        && c.get("to").asText().equals(peer)) {
                    triggerKind = causalKind(c);
                    if (triggerKind != null) {
                        trigger = j;
                        break;
                    }
                }
            }
            long feedAt;
            if (trigger >= 0 && trigger != lastTrigger.getOrDefault(peer, -1)) {
                long sentAt = waitFor(peer, triggerKind);
                feedAt = Math.max(
                        lastFeed,
                        sentAt + Math.round(t - all.get(trigger).get("t_ms").asDouble()));
                lastTrigger.put(peer, trigger);
            } else if (lastFeedOfPeer.containsKey(peer)) {
                feedAt = Math.max(lastFeed, lastFeedOfPeer.get(peer) + Math.round(t - lastRecordedOfPeer.get(peer)));
            } else {
                feedAt = lastFeed;
            }
            advanceTo(feedAt);
            if (machine.ended()) {
                throw new AssertionError("the session ended before packet " + p.get("n") + ": " + events);
            }
            feed(peer, bytes(p.get("hex")));
            lastFeed = now;
            lastFeedOfPeer.put(peer, now);
            lastRecordedOfPeer.put(peer, t);
        }
        long recordedStart = recordedTime("K:DATA:avctl6");
        long recordedEnd = (long) all.get(all.size() - 1).get("t_ms").asDouble();
        long ourStart = sentAt("K:DATA:avctl6");
        advanceTo(Math.max(now, ourStart + (recordedEnd - recordedStart) + 100));
    }

    private long recordedTime(String kind) {
        for (JsonNode p : packets()) {
            if (p.get("from").asText().startsWith("client")
                    && kinds.of(bytes(p.get("hex"))).contains(kind)) {
                return (long) p.get("t_ms").asDouble();
            }
        }
        throw new AssertionError("the recording has no " + kind);
    }

    long sentAt(String kind) {
        return sent.stream()
                .filter(s -> s.kinds().contains(kind))
                .mapToLong(Sent::at)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the machine never sent " + kind));
    }

    private long waitFor(String peer, String kind) {
        long bound = now + WAIT_BOUND;
        Spin spin = new Spin();
        while (true) {
            for (Sent s : sent) {
                if (s.peer().equals(peer) && s.kinds().contains(kind)) {
                    return s.at();
                }
            }
            long next = machine.nextWakeup();
            if (machine.ended() || next > bound) {
                throw new AssertionError("the machine never sent " + kind + " to " + peer + "; events " + events);
            }
            spin.check(now, next);
            now = Math.max(now, next);
            machine.onTick(now);
            drain();
        }
    }

    private void advanceTo(long target) {
        Spin spin = new Spin();
        while (!machine.ended()) {
            long next = machine.nextWakeup();
            if (next > target) {
                break;
            }
            spin.check(now, next);
            now = Math.max(now, next);
            machine.onTick(now);
            drain();
        }
        now = Math.max(now, target);
        machine.onTick(now);
        drain();
    }

    private void feed(String peer, byte[] data) {
        if (peer.endsWith("(tcp)")) {
            int id = tcpNames.entrySet().stream()
                    .filter(e -> e.getValue().equals(peer))
                    .mapToInt(Map.Entry::getKey)
                    .max()
                    .orElseThrow(() -> new AssertionError("no TCP connection to " + peer));
            for (byte[] frame : tcpFramers.get(peer).feed(data, 0, data.length)) {
                machine.onTcpFrame(id, frame, now);
                drain();
            }
        } else {
            machine.onDatagram(endpoints.get(peer), data, now);
            drain();
        }
    }

    private String nameOf(Ipv4Endpoint ep, boolean tcp) {
        for (Map.Entry<String, Ipv4Endpoint> e : endpoints.entrySet()) {
            if (e.getValue().equals(ep) && e.getKey().endsWith("(tcp)") == tcp) {
                return e.getKey();
            }
        }
        return "unknown:" + ep;
    }

    private void drain() {
        List<SessionAction.ConnectTcp> connects = new ArrayList<>();
        for (List<SessionAction> actions = machine.takeActions(); !actions.isEmpty(); actions = machine.takeActions()) {
            for (SessionAction a : actions) {
                if (a instanceof SessionAction.SendDatagram d) {
                    sent.add(new Sent(now, nameOf(d.to(), false), kinds.of(d.data()), d.data()));
                } else if (a instanceof SessionAction.SendTcp t) {
                    String peer = tcpNames.getOrDefault(t.id(), "unknown-tcp");
                    sent.add(new Sent(now, peer, kinds.of(t.data()), t.data()));
                } else if (a instanceof SessionAction.ConnectTcp c) {
                    connects.add(c);
                }
            }
            for (SessionAction.ConnectTcp c : connects) {
                String name = nameOf(c.to(), true);
                if (tcpListeners.contains(name)) {
                    tcpNames.put(c.id(), name);
                    tcpFramers.put(name, new MtpStreamFramer());
                    machine.onTcpConnected(c.id(), now);
                } else {
                    machine.onTcpFailed(c.id(), "nobody listens", now);
                }
            }
            connects.clear();
        }
        for (SessionEvent e : machine.takeEvents()) {
            events.add(e);
            if (e instanceof SessionEvent.Video v) {
                video.write(v.buffer(), v.offset(), v.length());
            }
        }
    }
}
