package dev.gwellbridge.sim;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.kcp.KcpConv;
import dev.gwellbridge.testkit.ReferenceVectors;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.AvChannel;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.AvMessageCodec;
import dev.gwellbridge.wire.AvStreamCtlCommand;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.H264Extractor;
import dev.gwellbridge.wire.HeadInfoCodec;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.PassthroughData;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import dev.gwellbridge.wire.SessionControlMessage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the client's packets of the recorded fork sessions (LAN and relay-only) against the
 * simulator's server and camera on the virtual clock, with the recording's secrets, and compares
 * the simulator's answers with the recorded peers' in structure: the server's answers in order, the
 * camera's milestones in order (meter request, STARTED, ACCEPT, head_info, video, meter ack), the
 * stream id echoed, STARTED as DATA sn 0 and head_info as sn 1, and video equal to the source.
 */
class SimTranscriptTest {
    private static final InetSocketAddress CLIENT = SimHarness.client(7);

    /** One peer → client packet; compared by what it decodes to, never as a record. */
    @SuppressWarnings("ArrayRecordComponent")
    private record PeerPacket(boolean server, byte[] bytes) {}

    /** The camera's KCP pushes seen so far, keyed by channel and sn (first transmission wins). */
    private static final class CameraView {
        final List<String> milestones = new ArrayList<>();
        final Map<Integer, byte[]> data = new LinkedHashMap<>();
        final Map<Integer, byte[]> ctrl = new LinkedHashMap<>();
        final List<String> serverAnswers = new ArrayList<>();
        int meterAcks;
        int probeAnswers;

        /** The AV milestones in order of first appearance (meters run on their own timer). */
        List<String> avMilestones() {
            return new LinkedHashSet<>(milestones)
                    .stream().filter(m -> !m.startsWith("meter")).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> replaysTheRecordedSessions() {
        return Stream.of("session_lan_B.json", "session_relay_only_B.json")
                .map(f -> DynamicTest.dynamicTest(f, () -> replay(f)));
    }

    private static void replay(String file) throws Exception {
        JsonNode root = ReferenceVectors.load(file);
        JsonNode secrets = root.get("secrets");
        boolean relayOnly = root.get("relay_only").asBoolean();
        String accessId = secrets.get("access_id").asText();
        String token = secrets.get("access_token").asText();
        long tid = number(secrets.get("camera_tid"));
        int linkId = (int) number(secrets.get("link_id"));
        Rc5x32 mtpKey = Rc5x32.of(bytes(secrets.get("mtp_key_hex")));
        Rc5x32 sessionKey = Rc5x32.of(bytes(secrets.get("session_key_hex")));
        CameraIdentity id = new CameraIdentity(
                "cam", "GW_GC1_AABBCCDDEEFF", tid, accessId, token, AccessCredentials.parse(accessId, token));
        SimulatorConfig cfg = SimulatorConfig.builder()
                .mode(relayOnly ? SimMode.RELAY_ONLY : SimMode.LAN)
                .cameraBehaviour(CameraBehaviour.DEFAULT.withLoopSource(false))
                .build();
        SimHarness h = new SimHarness(cfg, List.of(id), SimHarness.fixtureSource());
        RelayLink link = new RelayLink(1, SimHarness.client(8));

        List<PeerPacket> expected = new ArrayList<>();
        List<PeerPacket> actual = new ArrayList<>();
        int streamId = 0;
        long start = h.now;
        for (JsonNode p : root.get("packets")) {
            String from = p.get("from").asText();
            String to = p.get("to").asText();
            byte[] b = bytes(p.get("hex"));
            if (from.equals("server") || from.equals("camera") || from.equals("server(tcp)")) {
                expected.add(new PeerPacket(from.equals("server"), b));
                continue;
            }
            advanceTo(h, start + Math.round(p.get("t_ms").asDouble()), actual);
            switch (to) {
                case "server" -> h.toServer(CLIENT, b);
                case "camera" -> h.toCamera(0, CLIENT, b);
                case "server(tcp)" -> h.world.onTcpData(link, b, 0, b.length, h.now);
                default -> {
                    continue; // relays and blindly probed ports: nobody listens in the simulator either
                }
            }
            streamId = streamId != 0 ? streamId : initReqStream(p);
        }
        advanceTo(h, h.now + 2_000, actual);

        CameraView want = view(expected, linkId, mtpKey, sessionKey);
        CameraView got = view(actual, linkId, mtpKey, sessionKey);
        assertThat(got.serverAnswers).as("server answers").isEqualTo(want.serverAnswers);
        assertThat(got.avMilestones()).as("camera AV milestones").isEqualTo(want.avMilestones());
        assertThat(want.avMilestones()).containsExactly("DATA START", "CTRL ACCEPT", "DATA head_info", "DATA video");
        assertThat(got.milestones).contains("meter-request", "meter-ack");
        if (!relayOnly) {
            assertThat(got.milestones.get(0))
                    .as("on the LAN the client's first packet makes the camera speak: a meter request")
                    .isEqualTo(want.milestones.get(0))
                    .isEqualTo("meter-request");
            assertThat(got.probeAnswers)
                    .as("PortStatReq and DetectReq2 answered (§13.2 item 3)")
                    .isPositive();
        }
        assertThat(streamId).isNotZero();
        for (CameraView v : List.of(want, got)) {
            assertThat(streamCtl(v.data.get(0))).isEqualTo("START " + Integer.toHexString(streamId));
            assertThat(streamCtl(v.ctrl.get(0))).isEqualTo("ACCEPT " + Integer.toHexString(streamId));
            assertThat(isHeadInfo(v.data.get(1), mtpKey))
                    .as("head_info is DATA sn 1")
                    .isTrue();
        }
        assertThat(got.meterAcks).isPositive();
        byte[] video = video(got, mtpKey);
        assertThat(video)
                .isNotEmpty()
                .isEqualTo(h.world.cameras().get(0).sentVideo().bytes());
        assertThat(h.source.bytes()).startsWith(video);
        assertThat(h.violations.all())
                .as("the recorded client breaks no rule (its ACKs cannot cover the simulator's own video)")
                .allMatch(x -> x.kind() == ViolationKind.UNACKED_SEGMENTS);
    }

    private static void advanceTo(SimHarness h, long t, List<PeerPacket> actual) {
        while (h.now < t) {
            h.advance(Math.min(5, t - h.now));
            for (RecordingOutput.Sent s : h.out.take()) {
                actual.add(new PeerPacket(s.fromServer(), s.bytes()));
            }
        }
        for (RecordingOutput.Sent s : h.out.take()) {
            actual.add(new PeerPacket(s.fromServer(), s.bytes()));
        }
    }

    private static int initReqStream(JsonNode p) {
        for (JsonNode seg : p.path("decoded").path("kcp")) {
            JsonNode payload = seg.path("payload");
            if (payload.path("avctl_cmd").asInt() == AvStreamCtlCommand.INITREQ.code()) {
                return (int) number(payload.get("stream_id"));
            }
        }
        return 0;
    }

    /** Classifies peer packets: server GUTES answers, camera MTP milestones and KCP pushes. */
    private static CameraView view(List<PeerPacket> packets, int linkId, Rc5x32 mtpKey, Rc5x32 sessionKey)
            throws FrameException {
        CameraView v = new CameraView();
        for (PeerPacket p : packets) {
            byte[] b = p.bytes();
            if ((b[0] & 0xFF) == MtpFrame.MAGIC) {
                camera(v, b, linkId, mtpKey);
                continue;
            }
            if (!p.server()) {
                v.probeAnswers++;
                continue; // 0xCB / 0x02 from the camera; the recorded fake peer left probes unanswered
            }
            GutesMessage m = GutesClassifier.atClient(b, sessionKey);
            if (m instanceof PassthroughData d) {
                camera(v, d.payload().toByteArray(), linkId, mtpKey);
            } else {
                v.serverAnswers.add(String.format("0x%02x", m.subtype()));
            }
        }
        return v;
    }

    private static void camera(CameraView v, byte[] b, int linkId, Rc5x32 mtpKey) throws FrameException {
        MtpDatagram m = MtpDatagramParser.parse(b, 0, b.length, KcpConv.data(linkId), KcpConv.ctrl(linkId));
        if (m.control().isPresent() && !RelayRegistrationCodec.matches(b, 0, b.length)) {
            int cmd = m.control().get().command();
            if (cmd == SessionControlMessage.CMD_METER_REQUEST) {
                v.milestones.add("meter-request");
            } else if (cmd == SessionControlMessage.CMD_METER_ACK) {
                v.milestones.add("meter-ack");
                v.meterAcks++;
            }
        }
        for (MtpDatagram.SegmentRef s : m.segments()) {
            if (!s.isPush()) {
                continue;
            }
            byte[] msg = Arrays.copyOfRange(b, s.dataOffset(), s.dataOffset() + s.dataLength());
            boolean data = s.conv() == KcpConv.data(linkId);
            Map<Integer, byte[]> channel = data ? v.data : v.ctrl;
            if (channel.putIfAbsent(s.sn(), msg) == null) {
                v.milestones.add((data ? "DATA " : "CTRL ") + describe(msg, mtpKey));
            }
        }
    }

    private static String describe(byte[] msg, Rc5x32 mtpKey) throws FrameException {
        if (msg[0] == AvMessage.TYPE_AVSTREAMCTL) {
            return AvStreamCtlCommand.fromCode(Le.int32(msg, 8)).map(Enum::name).orElse("?");
        }
        return isHeadInfo(msg, mtpKey) ? "head_info" : "video";
    }

    private static String streamCtl(byte[] msg) {
        int cmd = Le.int32(msg, 8);
        return AvStreamCtlCommand.fromCode(cmd).map(Enum::name).orElse("?") + " "
                + Integer.toHexString(Le.int32(msg, 4));
    }

    private static boolean isHeadInfo(byte[] msg, Rc5x32 mtpKey) throws FrameException {
        byte[] body = AvMessageCodec.decode(msg, 0, msg.length, mtpKey).body();
        return msg[0] == AvMessage.TYPE_AV_DATA && HeadInfoCodec.startsWithHeadInfo(body, 0, body.length);
    }

    /** The H.264 of the DATA pushes in sn order after head_info, as a client extracts it. */
    private static byte[] video(CameraView v, Rc5x32 mtpKey) throws FrameException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int sn = 2; v.data.containsKey(sn); sn++) {
            byte[] msg = v.data.get(sn).clone();
            H264Extractor.extract(AvChannel.DATA, msg, 0, msg.length, mtpKey, out::write);
        }
        return out.toByteArray();
    }
}
