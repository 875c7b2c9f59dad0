package dev.gwellbridge.wire;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static dev.gwellbridge.testkit.ReferenceVectors.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.testkit.ReferenceVectors;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * gutes_responses.json: server and camera frames decrypted, classified and read at the offsets the
 * client reads, compared with what the reference extracted; then rebuilt by the simulator's codecs
 * (§6.2, §6.4, §6.8, §6.9, §6.12).
 */
class GutesResponsesVectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() {
        return ReferenceVectors.each("gutes_responses.json", GutesResponsesVectorsTest::check);
    }

    private static void check(JsonNode v) throws FrameException {
        Rc5x32 key = v.has("session_key_hex") ? Rc5x32.of(bytes(v.get("session_key_hex"))) : null;
        switch (v.get("kind").asText()) {
            case "CertifyResp" -> checkCertifyResp(v, key);
            case "0x0D routing response" -> {
                RoutingId r = (RoutingId) classified(v, key);
                assertThat(r.routingId())
                        .isEqualTo(number(v.get("client_extracts").get("routing_session_id")));
                assertRebuilt(RoutingIdCodec.INSTANCE, r, v, key);
            }
            case "0xA7 device list" -> {
                DeviceList list = (DeviceList) classified(v, key);
                JsonNode expected = v.get("parsed_devices");
                assertThat(list.devices()).hasSize(expected.size());
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(list.devices().get(i).tid())
                            .isEqualTo(number(expected.get(i).get("tid")));
                    assertThat(list.devices().get(i).name())
                            .isEqualTo(expected.get(i).get("name").asText());
                }
                byte[] plain = bytes(v.get("plain_hex"));
                assertThat(DeviceListCodec.parsePayload(Arrays.copyOfRange(plain, 24, plain.length)))
                        .isEqualTo(list.devices());
                assertRebuilt(DeviceListCodec.INSTANCE, list, v, key);
            }
            case "0xA7 payload parse" -> {
                List<DeviceEntry> devices = DeviceListCodec.parsePayload(bytes(v.get("payload_hex")));
                assertThat(devices).hasSize(v.get("parsed_devices").asInt());
            }
            case "CALLING ACK (0xA4)" -> {
                CallingAck ack = (CallingAck) classified(v, key);
                JsonNode x = v.get("client_extracts");
                assertThat(ack.peer().ip()).hasToString(x.get("peer_ip").asText());
                assertThat(ack.peer().port()).isEqualTo(x.get("peer_port").asInt());
                assertRebuilt(CallingAckCodec.INSTANCE, ack, v, key);
            }
            case "MTP_RES_RESPONSE (0xA3)" -> {
                ResResponse res = (ResResponse) classified(v, key);
                checkResResponse(res, v.get("client_extracts"));
                assertRebuilt(ResResponseCodec.INSTANCE, res, v, key);
            }
            case "PortStatReq from camera (0xCA)" -> {
                PortMessage m = (PortMessage) classified(v, key);
                assertThat(m).isInstanceOf(PortStatReq.class);
                byte[] plain = bytes(v.get("plain_hex"));
                assertThat(m.targetTid()).isEqualTo(Le.int64(plain, 28));
                assertThat(m.linkId()).isEqualTo(Le.int32(plain, 36));
                assertRebuilt(PortStatCodec.INSTANCE, m, v, key);
            }
            case "undecryptable frame" -> {
                byte[] wire = bytes(v.get("wire_hex"));
                boolean rejects = v.get("robust_decrypt_rejects").asBoolean();
                if (rejects) {
                    assertThatThrownBy(() -> GutesCipher.robustDecrypt(wire, key))
                            .isInstanceOf(FrameException.class);
                } else {
                    // flags bit 21 lets the frame through the decryption; the classifier still drops it
                    assertThat(GutesFlags.skipsChecksum(Le.int32(wire, 20))).isTrue();
                    assertThat(GutesCipher.robustDecrypt(wire, key).frame()).hasSize(wire.length);
                }
                assertThatThrownBy(() -> GutesClassifier.atClient(wire, key)).isInstanceOf(FrameException.class);
            }
            default -> throw new AssertionError("unknown kind " + v.get("kind"));
        }
    }

    private static void checkCertifyResp(JsonNode v, Rc5x32 key) throws FrameException {
        byte[] wire = bytes(v.get("wire_hex"));
        CertifyResp resp = CertifyRespCodec.INSTANCE.acceptWire(wire);
        DecryptedFrame d = GutesCipher.robustDecrypt(wire, key);
        assertThat(d.mode()).isEqualTo(GutesMode.FRAME_KEY);
        assertThat(v.get("client_full_decrypt_ok").asBoolean()).isEqualTo(GutesChecksum.verifies(d.frame()));
        assertThat(withoutChecksum(d.frame())).isEqualTo(v.get("plain_hex").asText());
        assertThat(resp.success()).isEqualTo(v.get("accepted").asBoolean());
        if (v.has("parsed_session_id")) {
            assertThat(resp.certifySessionId()).isEqualTo(number(v.get("parsed_session_id")));
        }
        if (v.has("error_code")) {
            assertThat(resp.errorCode()).isEqualTo(v.get("error_code").asInt());
        }
        GutesMessage classified = GutesClassifier.atClient(wire, key);
        if (resp.subtype() == GutesMessage.SUB_CERTIFY_REQ) {
            assertThat(classified).isEqualTo(resp);
        } else {
            // outside the certify phase a 0x0D frame is the routing-id frame, read at the same offset
            assertThat(((RoutingId) classified).routingId()).isEqualTo(resp.certifySessionId());
        }
        if (wire.length == CertifyRespCodec.LENGTH) {
            assertThat(hex(CertifyRespCodec.INSTANCE.encode(resp, key))).isEqualTo(hex(wire));
        }
    }

    private static void checkResResponse(ResResponse res, JsonNode x) {
        assertThat(res.outerPort()).isEqualTo(x.get("outer_port").asInt());
        assertThat(res.lanPort()).isEqualTo(x.get("lan_port").asInt());
        assertThat(res.sessionPort()).isEqualTo(x.get("session_port").asInt());
        assertThat(res.outerIp()).hasToString(x.get("outer_ip").asText());
        assertThat(res.relays()).hasSize(x.get("relay_count").asInt());
        JsonNode relays = x.get("relays");
        assertThat(res.relays()).hasSize(relays.size());
        for (int i = 0; i < relays.size(); i++) {
            RelayEntry r = res.relays().get(i);
            JsonNode e = relays.get(i);
            assertThat(r.sessionId()).isEqualTo(number(e.get("session_id")));
            assertThat(r.flags()).isEqualTo((int) number(e.get("flags")));
            assertThat(r.tcp()).isEqualTo(e.get("tcp").asBoolean());
            assertThat(r.endpoint().port()).isEqualTo(e.get("port").asInt());
            assertThat(r.endpoint().ip()).hasToString(e.get("ip").asText());
        }
    }

    /** Classifies the wire frame as the client does and checks the decryption against plain_hex. */
    private static GutesMessage classified(JsonNode v, Rc5x32 key) throws FrameException {
        byte[] wire = bytes(v.get("wire_hex"));
        DecryptedFrame d = GutesCipher.robustDecrypt(wire, key);
        if (v.has("robust_decrypt_mode")) {
            assertThat(d.mode().label()).isEqualTo(v.get("robust_decrypt_mode").asText());
        }
        assertThat(withoutChecksum(d.frame())).isEqualTo(withoutChecksum(bytes(v.get("plain_hex"))));
        return GutesClassifier.atClient(wire, key);
    }

    /** Re-encodes the decoded message with the simulator-side codec: the wire bytes must come back. */
    private static <M extends GutesMessage> void assertRebuilt(GutesCodec<M> codec, M m, JsonNode v, Rc5x32 key) {
        assertThat(hex(codec.encode(m, key))).isEqualTo(v.get("wire_hex").asText());
    }

    /** The plain_hex fields hold the frame before its checksum was stored. */
    private static String withoutChecksum(byte[] frame) {
        byte[] copy = frame.clone();
        Le.putInt32(copy, 16, 0);
        return hex(copy);
    }
}
