package dev.gwellbridge.wire;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static dev.gwellbridge.testkit.ReferenceVectors.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.crypto.GiotHash;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.crypto.SignaturePrimitives;
import dev.gwellbridge.testkit.ReferenceVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * gutes_messages.json: every client frame rebuilt byte for byte from its inputs and random inputs,
 * then decrypted, decoded and classified the way the server would (§6).
 */
class GutesMessagesVectorsTest {
    private static JsonNode common;

    @TestFactory
    Stream<DynamicTest> vectors() {
        common = ReferenceVectors.load("gutes_messages.json").get("common");
        return ReferenceVectors.each("gutes_messages.json", GutesMessagesVectorsTest::check);
    }

    private static void check(JsonNode v) throws Exception {
        String builder = v.get("builder").asText();
        JsonNode in = v.path("inputs");
        byte[] wire = bytes(v.get("wire_hex"));
        assertThat(wire).hasSize(v.get("length").asInt());
        assertThat(Le.uint16(wire, 2)).isEqualTo(wire.length);
        if (v.has("flags")) {
            assertThat(Le.int32(wire, 20)).isEqualTo((int) number(v.get("flags")));
        }
        if (builder.startsWith("CertifyReq (0x0C) fallback")) {
            checkCertifyFallback(v, wire);
        } else if (builder.startsWith("CertifyReq")) {
            checkCertify(v, wire);
        } else if (builder.startsWith("DetectRequest")) {
            checkUnencrypted(
                    DetectRequestCodec.INSTANCE, probe(wire, DetectRequest.BODY_LENGTH, DetectRequest::new), wire);
        } else if (builder.startsWith("ListFrmRequest")) {
            assertThat(GutesChecksum.verifies(wire))
                    .isEqualTo(v.get("checksum_verifies").asBoolean());
            checkUnencrypted(
                    ListFrmRequestCodec.INSTANCE, probe(wire, ListFrmRequest.BODY_LENGTH, ListFrmRequest::new), wire);
        } else if (builder.startsWith("DetectReq2")) {
            byte[] plain = bytes(v.get("random_inputs").get("plain_with_checksum_hex"));
            checkSealed(v, DetectReq2Codec.INSTANCE, probe(plain, DetectReq2.BODY_LENGTH, DetectReq2::new), wire);
        } else {
            checkSealed(v, codecFor(builder), message(builder, in, v), wire);
        }
    }

    /** The record a builder's inputs describe; fields the inputs leave out come from {@code common}. */
    private static GutesMessage message(String builder, JsonNode in, JsonNode v) {
        long accessId = accessId();
        long routingId = number(common.get("routing_session_id"));
        GutesRoute route =
                in.path("use_routing").asBoolean(true) ? GutesRoute.routing(routingId) : GutesRoute.access(accessId);
        int sqnum = in.path("sqnum").asInt();
        if (builder.startsWith("InitInfoMsg")) {
            return new InitInfoMsg(frameAccessId(v), sqnum);
        }
        if (builder.startsWith("Heartbeat")) {
            return new Heartbeat(frameAccessId(v), sqnum);
        }
        if (builder.startsWith("Subscribe devid")) {
            return new SubscribeDeviceId(route, sqnum, number(in.get("dev_id")));
        }
        if (builder.startsWith("Subscribe token")) {
            return new SubscribeToken(route, sqnum, Octets.of(bytes(in.get("token_data_hex"))));
        }
        if (builder.startsWith("CALLING")) {
            boolean lan = !in.get("lan_ip").isNull();
            return new Calling(
                    route,
                    sqnum,
                    in.path("set_lan_call_flag").asBoolean(false),
                    (int) number(in.get("link_id")),
                    accessId,
                    number(in.get("dst_tid")),
                    lan ? in.get("lan_port").asInt() : 0,
                    lan ? Ipv4.parse(in.get("lan_ip").asText()) : Ipv4.ANY,
                    Octets.of(bytes(in.get("mtp_key_hex"))));
        }
        if (builder.startsWith("NetworkDetect")) {
            int flags = (int) number(v.get("random_inputs").get("flags"));
            assertThat(flags & ~GutesFlags.RANDOM_MASK).isEqualTo(NetworkDetect.BASE_FLAGS);
            return new NetworkDetect(
                    GutesRoute.preferRouting(number(in.get("routing_session_id")), accessId),
                    sqnum,
                    flags & GutesFlags.RANDOM_MASK,
                    number(in.get("dst_tid")),
                    accessId,
                    in.get("timeout_ms").asInt(),
                    in.get("probe_count").asInt(),
                    in.get("lan_ip_string").asText());
        }
        if (builder.startsWith("MTP_RES_REQUEST")) {
            return new ResRequest(routingId, (int) number(in.get("link_id")), accessId, number(in.get("called_tid")));
        }
        if (builder.startsWith("PortStatReq")) {
            return new PortStatReq(routingId, number(in.get("called_tid")), (int) number(in.get("link_id")));
        }
        if (builder.startsWith("PortStatResp")) {
            return new PortStatResp(routingId, number(in.get("called_tid")), (int) number(in.get("link_id")));
        }
        if (builder.startsWith("SessionSocket")) {
            List<Integer> ports = new ArrayList<>();
            in.path("relay_ports").forEach(p -> ports.add(p.asInt()));
            return SessionSocket.of(
                    routingId,
                    number(in.get("called_tid")),
                    (int) number(in.get("link_id")),
                    in.get("sub_type").asInt(),
                    ports);
        }
        if (builder.startsWith("PASSTHROUGH control")) {
            return new PassthroughControl(
                    routingId,
                    sqnum,
                    number(in.get("target_tid")),
                    accessId,
                    in.get("command").asInt(),
                    (int) number(in.get("link_id")));
        }
        if (builder.startsWith("PASSTHROUGH data")) {
            return new PassthroughData(
                    routingId,
                    sqnum,
                    number(in.get("target_tid")),
                    accessId,
                    (int) number(in.get("msg_id")),
                    Octets.of(bytes(in.get("payload_hex"))));
        }
        throw new AssertionError("no message for builder " + builder);
    }

    @SuppressWarnings("unchecked")
    private static <M extends GutesMessage> GutesCodec<M> codecFor(String builder) {
        GutesCodec<?> codec;
        if (builder.startsWith("InitInfoMsg")) {
            codec = InitInfoMsgCodec.INSTANCE;
        } else if (builder.startsWith("Heartbeat")) {
            codec = HeartbeatCodec.INSTANCE;
        } else if (builder.startsWith("Subscribe")) {
            codec = SubscribeCodec.INSTANCE;
        } else if (builder.startsWith("CALLING")) {
            codec = CallingCodec.INSTANCE;
        } else if (builder.startsWith("NetworkDetect") || builder.startsWith("PASSTHROUGH")) {
            codec = InnerCodec.INSTANCE;
        } else if (builder.startsWith("MTP_RES_REQUEST")) {
            codec = ResRequestCodec.INSTANCE;
        } else if (builder.startsWith("PortStat") || builder.startsWith("SessionSocket")) {
            codec = PortStatCodec.INSTANCE;
        } else {
            throw new AssertionError("no codec for builder " + builder);
        }
        return (GutesCodec<M>) codec;
    }

    /** Builds, seals, decrypts as the receiver would, decodes and classifies. */
    private static <M extends GutesMessage> void checkSealed(
            JsonNode v, GutesCodec<M> codec, GutesMessage m, byte[] wire) throws FrameException {
        @SuppressWarnings("unchecked")
        M message = (M) m;
        Rc5x32 sessionKey = sessionKey();
        byte[] plain = codec.encodePlain(message);
        assertThat(hex(plain)).isEqualTo(v.get("decrypted_hex").asText());
        assertThat(hex(codec.encode(message, sessionKey)))
                .isEqualTo(v.get("wire_hex").asText());
        DecryptedFrame d = GutesCipher.robustDecrypt(wire, sessionKey);
        assertThat(d.mode().label()).isEqualTo(v.get("decrypt_mode").asText());
        assertThat(d.frame()).isEqualTo(plain);
        assertThat(codec.decode(d.frame())).isEqualTo(message);
        assertThat(GutesClassifier.atPeer(wire, sessionKey, null)).isEqualTo(message);
    }

    private static <M extends GutesMessage> void checkUnencrypted(GutesCodec<M> codec, M message, byte[] wire)
            throws FrameException {
        assertThat(hex(codec.encode(message, null))).isEqualTo(hex(wire));
        assertThat(GutesChecksum.verifies(wire)).isTrue();
        assertThat(codec.decodeWire(wire, null)).isEqualTo(message);
        assertThat(GutesClassifier.atPeer(wire, null, null)).isEqualTo(message);
    }

    private static void checkCertify(JsonNode v, byte[] wire) throws Exception {
        JsonNode in = v.get("inputs");
        JsonNode random = v.get("random_inputs");
        AccessCredentials creds = AccessCredentials.parse(
                in.get("access_id").asText(), in.get("access_token").asText());
        CertifyReq m = certifyReq(creds, in, random);
        byte[] sessionKey = m.sessionKey().toByteArray();
        byte[] nonce = m.nonce().toByteArray();
        assertThat(hex(sessionKey)).isEqualTo(v.get("session_key_hex").asText());
        assertThat(GiotHash.hash(sessionKey)).isEqualTo((int) number(v.get("giot_hash_of_random_key")));
        assertThat(hex(SignaturePrimitives.deriveAesKey(nonce)))
                .isEqualTo(v.get("signature_aes_key_hex").asText());
        assertThat(hex(creds.tokenHead()))
                .isEqualTo(v.get("signature_token_plain_hex").asText());

        CertifyReqCodec codec = CertifyReqCodec.forCredentials(creds);
        byte[] plain = codec.encodePlain(m);
        assertThat(hex(plain)).isEqualTo(v.get("decrypted_hex").asText());
        assertThat(Le.int32(plain, 28)).isEqualTo(GiotHash.hash(sessionKey));
        assertThat(hex(Arrays.copyOfRange(plain, 84, 164)))
                .isEqualTo(v.get("signature_hex").asText());
        assertThat(hex(codec.encode(m, null))).isEqualTo(v.get("wire_hex").asText());

        DecryptedFrame d = GutesCipher.robustDecrypt(wire, null);
        assertThat(d.mode().label()).isEqualTo(v.get("decrypt_mode").asText());
        assertThat(d.frame()).isEqualTo(plain);
        assertThat(codec.decode(d.frame())).isEqualTo(m);
        CertifyCheck check = codec.verify(wire);
        assertThat(check.allOk()).as("%s", check).isTrue();
        assertThat(check.request()).isEqualTo(m);
        assertThat(GutesClassifier.atPeer(wire, null, codec)).isEqualTo(m);
        assertThat(CertifyReqCodec.peekAccessId(wire)).isEqualTo(creds.accessId());
    }

    private static void checkCertifyFallback(JsonNode v, byte[] wire) throws Exception {
        JsonNode in = v.get("inputs");
        AccessCredentials creds = AccessCredentials.parse(
                in.get("access_id").asText(), in.get("access_token").asText());
        CertifyReq m = certifyReq(creds, in, v.get("random_inputs"));
        CertifyReqCodec codec = CertifyReqCodec.forCredentials(creds);
        assertThat(hex(codec.encodeFallback(m))).isEqualTo(v.get("wire_hex").asText());
        byte[] idDecrypted = wire.clone();
        GutesCipher.decryptId(idDecrypted);
        assertThat(hex(idDecrypted)).isEqualTo(v.get("after_id_decrypt_hex").asText());
        assertThat(GutesChecksum.verifies(idDecrypted))
                .isEqualTo(v.get("checksum_verifies_after_id_decrypt").asBoolean());
        assertThat(GutesMode.ofFlags(Le.int32(wire, 20))).isEqualTo(GutesMode.FRAME_KEY);
        CertifyCheck check = codec.verify(wire);
        assertThat(check.mode()).isEqualTo(GutesMode.ID_ONLY);
        assertThat(CertifyReqCodec.peekAccessId(wire)).isEqualTo(creds.accessId());
        assertThat(check.allOk()).as("%s", check).isTrue();
        assertThat(check.request()).isEqualTo(m);
    }

    private static CertifyReq certifyReq(AccessCredentials creds, JsonNode in, JsonNode random) {
        int flags = (int) number(random.get("flags"));
        assertThat(flags & ~GutesFlags.RANDOM_MASK).isEqualTo(CertifyReq.BASE_FLAGS);
        return new CertifyReq(
                creds.accessId(),
                in.get("sqnum").asInt(),
                flags & GutesFlags.RANDOM_MASK,
                Octets.of(bytes(random.get("random_key_hex"))),
                Octets.of(bytes(random.get("nonce_hex"))),
                random.get("ntp_ms").asLong());
    }

    private interface ProbeFactory<M> {
        M create(long id, int sqnum, Octets body);
    }

    /** Random-content probes: the random inputs are the ID words, the sqnum field and the body. */
    private static <M> M probe(byte[] frame, int bodyLength, ProbeFactory<M> factory) {
        return factory.create(Le.int64(frame, 4), Le.int32(frame, 12), Octets.of(frame, 24, bodyLength));
    }

    private static long accessId() {
        return Long.parseUnsignedLong(common.get("access_id").asText());
    }

    /**
     * InitInfoMsg and Heartbeat vectors list only their sqnum; the accessId they were built with
     * (not always the common one) is the frame's own ID words.
     */
    private static long frameAccessId(JsonNode v) {
        return Le.int64(bytes(v.get("decrypted_hex")), 4);
    }

    private static Rc5x32 sessionKey() {
        return Rc5x32.of(bytes(common.get("session_key_hex")));
    }
}
