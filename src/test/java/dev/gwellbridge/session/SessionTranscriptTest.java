package dev.gwellbridge.session;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static dev.gwellbridge.testkit.ReferenceVectors.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.kcp.KcpSegment;
import dev.gwellbridge.kcp.KcpSegmentCodec;
import dev.gwellbridge.testkit.ReferenceVectors;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.AvMessageCodec;
import dev.gwellbridge.wire.AvStreamCtl;
import dev.gwellbridge.wire.AvStreamCtlCodec;
import dev.gwellbridge.wire.CertifyReq;
import dev.gwellbridge.wire.CertifyReqCodec;
import dev.gwellbridge.wire.CreateKcpCodec;
import dev.gwellbridge.wire.DecryptedFrame;
import dev.gwellbridge.wire.GutesCipher;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.MtpFrameCodec;
import dev.gwellbridge.wire.MtpStreamFramer;
import dev.gwellbridge.wire.PassthroughData;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The three recorded loopback sessions (vectors {@code session_lan_A}, {@code session_lan_B}, {@code
 * session_relay_only_B}), four checks each:
 *
 * <ol>
 *   <li>every client datagram decodes with our codecs to the recorded {@code decoded} fields and
 *       re-encodes byte for byte (GUTES with the recorded session key; MTP with its session-control
 *       message, KCP segments and AV payloads);
 *   <li>every server and camera datagram decodes to the recorded values;
 *   <li>an interactive replay ({@link TranscriptReplay}): our state machine, given the recorded
 *       random inputs, is fed each recorded peer datagram once it has sent the client message that
 *       provoked it in the recording (not strictly at the recorded time, because our phases move on
 *       at answers where the reference waited); the milestone messages appear in the recorded order,
 *       the deterministic ones byte for byte, and every kind of message it sends is one the
 *       recorded client sent too — retries, KCP ACKs and keepalives may differ in count, KCP
 *       ts/una/wnd in value;
 *   <li>the H.264 the replay emits equals {@code synthetic_h264_hex}.
 * </ol>
 *
 * <p>Where the reference (A) and the fork (B) differ, B's behaviour is the one implemented: A's
 * replay checks order and decoding, not A-only quirks.
 */
class SessionTranscriptTest {
    private static final List<String> FILES = List.of("session_lan_A", "session_lan_B", "session_relay_only_B");

    /** Milestones whose first occurrences must come in the recorded order. */
    private static final List<String> MILESTONES = List.of(
            "G:0c",
            "G:a6",
            "G:b9:detect",
            "G:b0:devid",
            "G:b0:token",
            "G:a4",
            "G:a2",
            "G:b9:control",
            "K:CTRL:initreq:hand",
            "K:DATA:avctl6",
            "K:DATA:avinit",
            "M:meter-req:r1",
            "G:ca:socket3",
            "K:CTRL:initreq:engine");

    /** Client frames that must come out byte for byte (deterministic given the recorded inputs). */
    private static final List<String> EXACT =
            List.of("G:0c", "G:a6", "G:b9:detect", "G:b0:devid", "G:b0:token", "G:a4", "G:a2");

    private static final Map<String, TranscriptReplay> REPLAYS = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> recordedSessions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : FILES) {
            tests.add(DynamicTest.dynamicTest(name + ": client frames decode and re-encode", () -> frames(name, true)));
            tests.add(DynamicTest.dynamicTest(
                    name + ": peer frames decode to the recorded values", () -> frames(name, false)));
            tests.add(DynamicTest.dynamicTest(
                    name + ": interactive replay sends the client messages in the recorded order", () -> order(name)));
            tests.add(DynamicTest.dynamicTest(name + ": replayed H.264 equals synthetic_h264_hex", () -> h264(name)));
        }
        return tests.stream();
    }

    private static JsonNode load(String name) {
        if (!Files.isRegularFile(ReferenceVectors.folder().resolve(name + ".json"))) {
            Assumptions.abort("reference vectors not found at "
                    + ReferenceVectors.folder().toAbsolutePath());
        }
        return ReferenceVectors.load(name + ".json");
    }

    private static TranscriptReplay replay(String name) {
        JsonNode root = load(name);
        return REPLAYS.computeIfAbsent(name, n -> {
            try {
                TranscriptReplay r = new TranscriptReplay(root);
                r.run();
                return r;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---- (a) and (b): decoding ----

    private static void frames(String name, boolean client) throws Exception {
        JsonNode root = load(name);
        JsonNode secrets = root.get("secrets");
        Rc5x32 sessionKey = Rc5x32.of(bytes(secrets.get("session_key_hex")));
        Rc5x32 mtpKey = Rc5x32.of(bytes(secrets.get("mtp_key_hex")));
        AccessCredentials credentials = AccessCredentials.parse(
                secrets.get("access_id").asText(), secrets.get("access_token").asText());
        CertifyReqCodec certify = CertifyReqCodec.forCredentials(credentials);
        int checked = 0;
        Map<String, MtpStreamFramer> tcp = new java.util.HashMap<>();
        for (JsonNode p : root.get("packets")) {
            if (p.get("from").asText().startsWith("client") != client) {
                continue;
            }
            byte[] raw = bytes(p.get("hex"));
            JsonNode d = p.get("decoded");
            String where = name + " packet " + p.get("n").asInt();
            if ("GUTES".equals(d.get("kind").asText())) {
                gutes(where, raw, d, sessionKey, mtpKey, certify, client);
            } else if ("tcp".equals(p.get("transport").asText())) {
                List<byte[]> frames = tcp.computeIfAbsent(p.get("from").asText(), k -> new MtpStreamFramer())
                        .feed(raw, 0, raw.length);
                assertThat(frames).as(where).hasSize(1);
                mtp(where, frames.get(0), d, mtpKey);
            } else {
                mtp(where, raw, d, mtpKey);
            }
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static void gutes(
            String where, byte[] raw, JsonNode d, Rc5x32 key, Rc5x32 mtpKey, CertifyReqCodec certify, boolean client)
            throws Exception {
        DecryptedFrame f = GutesCipher.robustDecrypt(raw, key);
        byte[] plain = f.frame();
        assertThat(f.mode().label()).as(where).isEqualTo(d.get("mode").asText());
        assertThat(hex(plain)).as(where).isEqualTo(d.get("plain_hex").asText());
        assertThat(plain[0] & 0xFF).as(where).isEqualTo((int) number(d.get("proto")));
        assertThat(plain[1] & 0xFF).as(where).isEqualTo((int) number(d.get("sub")));
        assertThat(Le.int32(plain, 12)).as(where).isEqualTo(d.get("sqnum").asInt());
        assertThat(Le.int64(plain, 4)).as(where).isEqualTo(number(d.get("words")));
        assertThat(Le.int32(plain, 20)).as(where).isEqualTo((int) number(d.get("flags")));
        GutesMessage m = client ? GutesClassifier.atPeer(raw, key, certify) : GutesClassifier.atClient(raw, key);
        byte[] rebuilt = m instanceof CertifyReq c ? certify.encode(c, key) : GutesCodecs.encode(m, key);
        assertThat(hex(rebuilt)).as(where).isEqualTo(hex(raw));
        if (m instanceof PassthroughData data) {
            mtp(where + " inner", data.payload().toByteArray(), d.get("inner_mtp"), mtpKey);
        }
    }

    private static void mtp(String where, byte[] raw, JsonNode d, Rc5x32 mtpKey) throws Exception {
        MtpFrame frame = MtpFrameCodec.decode(raw, 0, raw.length);
        assertThat(frame.flags()).as(where).isEqualTo((int) number(d.get("flags")));
        assertThat(MtpFrameCodec.lengthField(raw, 0))
                .as(where)
                .isEqualTo(d.get("len_field").asInt());
        if (d.has("dest_tid")) {
            assertThat(frame.destId()).as(where).isEqualTo(number(d.get("dest_tid")));
        }
        assertThat(MtpFrameCodec.encode(frame)).as(where).isEqualTo(raw);
        int off = MtpFrameCodec.payloadOffset(frame.flags());
        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        JsonNode ctrl = d.get("session_ctrl");
        if (ctrl != null) {
            int len = ctrl.get("len").asInt();
            assertThat(raw[off + 1] & 0xFF).as(where).isEqualTo((int) number(ctrl.get("cmd")));
            assertThat(Le.uint16(raw, off + 2)).as(where).isEqualTo(len);
            byte[] message = java.util.Arrays.copyOfRange(raw, off, off + len);
            if (RelayRegistrationCodec.matches(raw, 0, raw.length)) {
                assertThat(RelayRegistrationCodec.encode(RelayRegistrationCodec.decode(raw, 0, raw.length)))
                        .as(where)
                        .isEqualTo(raw);
            } else if (ctrl.has("round")) {
                MeterMessage meter = MeterCodec.decode(raw, off, len);
                assertThat(meter.linkId()).as(where).isEqualTo((int) number(ctrl.get("link_id")));
                assertThat(meter.sourceId()).as(where).isEqualTo(number(ctrl.get("src")));
                assertThat(meter.destinationId()).as(where).isEqualTo(number(ctrl.get("dst")));
                assertThat(meter.round()).as(where).isEqualTo(ctrl.get("round").asInt());
                assertThat(meter.timeMs()).as(where).isEqualTo(ctrl.get("ts_ms").asLong());
                assertThat(MeterCodec.encode(meter)).as(where).isEqualTo(message);
            } else {
                assertThat(CreateKcpCodec.encode(CreateKcpCodec.decode(raw, off, len)))
                        .as(where)
                        .isEqualTo(message);
            }
            rebuilt.write(message);
            off += len;
        }
        for (JsonNode k : d.path("kcp")) {
            KcpSegment s = KcpSegmentCodec.decode(raw, off, raw.length - off);
            assertThat(s.conv()).as(where).isEqualTo((int) number(k.get("conv")));
            assertThat(s.cmd()).as(where).isEqualTo(k.get("cmd").asInt());
            assertThat(s.frg()).as(where).isEqualTo(k.get("frg").asInt());
            assertThat(s.wnd()).as(where).isEqualTo(k.get("wnd").asInt());
            assertThat(Integer.toUnsignedLong(s.ts()))
                    .as(where)
                    .isEqualTo(k.get("ts").asLong());
            assertThat(Integer.toUnsignedLong(s.sn()))
                    .as(where)
                    .isEqualTo(k.get("sn").asLong());
            assertThat(Integer.toUnsignedLong(s.una()))
                    .as(where)
                    .isEqualTo(k.get("una").asLong());
            assertThat(s.dataLength()).as(where).isEqualTo(k.get("len").asInt());
            JsonNode payload = k.get("payload");
            if (payload != null && !payload.isNull()) {
                av(where, s.data(), payload, mtpKey);
            }
            byte[] seg = KcpSegmentCodec.encode(s);
            rebuilt.write(seg);
            off += seg.length;
        }
        assertThat(off).as(where + ": everything accounted for").isEqualTo(raw.length);
        MtpFrame again = new MtpFrame(frame.flags(), frame.destId(), rebuilt.toByteArray());
        assertThat(MtpFrameCodec.encode(again)).as(where).isEqualTo(raw);
    }

    private static void av(String where, byte[] data, JsonNode payload, Rc5x32 mtpKey) throws Exception {
        assertThat(data[0] & 0xFF).as(where).isEqualTo(payload.get("type").asInt());
        assertThat(data[1] & 0xFF).as(where).isEqualTo(payload.get("sub").asInt());
        assertThat(Le.uint16(data, 2))
                .as(where)
                .isEqualTo(payload.get("len_field").asInt());
        if (payload.get("type").asInt() == AvMessage.TYPE_AVSTREAMCTL) {
            AvStreamCtl ctl = AvStreamCtlCodec.decode(data, 0, data.length);
            assertThat(ctl.streamId()).as(where).isEqualTo((int) number(payload.get("stream_id")));
            assertThat(ctl.command())
                    .as(where)
                    .isEqualTo(payload.get("avctl_cmd").asInt());
            assertThat(hex(data)).as(where).isEqualTo(payload.get("hex").asText());
            assertThat(AvStreamCtlCodec.encode(ctl)).as(where).isEqualTo(data);
            return;
        }
        AvMessage m = AvMessageCodec.decode(data, 0, data.length, mtpKey);
        byte[] plain = new byte[AvMessage.HEADER + m.body().length];
        System.arraycopy(data, 0, plain, 0, AvMessage.HEADER);
        System.arraycopy(m.body(), 0, plain, AvMessage.HEADER, m.body().length);
        assertThat(hex(plain)).as(where).isEqualTo(payload.get("decrypted_hex").asText());
        assertThat(AvMessageCodec.encode(m, mtpKey)).as(where).isEqualTo(data);
    }

    // ---- (c): order ----

    private static void order(String name) {
        TranscriptReplay r = replay(name);
        assertThat(r.events)
                .as("the replayed session must not fail")
                .noneMatch(e -> e instanceof SessionEvent.Ended ended && ended.reason() != null);

        List<String> recorded = new ArrayList<>();
        Set<String> recordedKinds = new HashSet<>();
        Map<String, byte[]> recordedFirst = new java.util.HashMap<>();
        for (JsonNode p : r.root.get("packets")) {
            if (p.get("from").asText().startsWith("client")) {
                byte[] raw = bytes(p.get("hex"));
                for (String k : r.kinds.of(raw)) {
                    recorded.add(k);
                    recordedKinds.add(normalise(k));
                    recordedFirst.putIfAbsent(k, raw);
                }
            }
        }
        List<String> ours = new ArrayList<>();
        Map<String, byte[]> oursFirst = new java.util.HashMap<>();
        for (TranscriptReplay.Sent s : r.sent) {
            assertThat(s.peer()).as("every destination is a recorded peer").doesNotStartWith("unknown");
            for (String k : s.kinds()) {
                ours.add(k);
                oursFirst.putIfAbsent(k, s.data());
            }
        }
        assertThat(firstOccurrences(ours, recorded)).isEqualTo(firstOccurrences(recorded, recorded));
        assertThat(ours.stream().map(SessionTranscriptTest::normalise).distinct())
                .as("only kinds of message the recorded client sent too")
                .allMatch(recordedKinds::contains);
        for (String k : EXACT) {
            if (recordedFirst.containsKey(k)) {
                assertThat(hex(oursFirst.get(k))).as(k + " byte for byte").isEqualTo(hex(recordedFirst.get(k)));
            }
        }
        for (String k : List.of("K:CTRL:initreq:hand", "K:DATA:avctl6", "K:DATA:avinit")) {
            assertThat(hex(pushData(oursFirst.get(k))))
                    .as(k + " payload byte for byte")
                    .isEqualTo(hex(pushData(recordedFirst.get(k))));
        }
    }

    /** The milestones in the order of their first occurrence in {@code kinds}. */
    private static List<String> firstOccurrences(List<String> kinds, List<String> recorded) {
        Set<String> present = new LinkedHashSet<>();
        for (String k : kinds) {
            if (MILESTONES.contains(k) && recorded.contains(k)) {
                present.add(k);
            }
        }
        return List.copyOf(present);
    }

    private static String normalise(String kind) {
        return kind.replaceAll("meter-req:r[0-9]+", "meter-req:rN");
    }

    /** The data of the PUSH segment in an MTP frame that carries AV payload (not the ACKs). */
    private static byte[] pushData(byte[] frame) {
        try {
            int off = MtpFrameCodec.payloadOffset(frame[1] & 0xFF);
            while (off + KcpSegment.IKCP_OVERHEAD <= frame.length) {
                KcpSegment s = KcpSegmentCodec.decode(frame, off, frame.length - off);
                if (s.cmd() == KcpSegment.IKCP_CMD_PUSH) {
                    return s.data();
                }
                off += s.encodedLength();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no PUSH segment in " + hex(frame));
    }

    // ---- (d): H.264 ----

    private static void h264(String name) {
        TranscriptReplay r = replay(name);
        assertThat(hex(r.video.toByteArray()))
                .isEqualTo(r.root.get("synthetic_h264_hex").asText());
    }
}
