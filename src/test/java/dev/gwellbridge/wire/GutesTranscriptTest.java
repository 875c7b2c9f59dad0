package dev.gwellbridge.wire;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.testkit.ReferenceVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every GUTES packet of the three loopback session transcripts: decrypted with the disclosed
 * secrets, classified by the receiving side, and rebuilt byte for byte by our codecs.
 */
class GutesTranscriptTest {
    private static final List<String> TRANSCRIPTS =
            List.of("session_lan_A.json", "session_lan_B.json", "session_relay_only_B.json");

    @TestFactory
    Stream<DynamicTest> everyGutesPacketDecodesAndRebuilds() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : TRANSCRIPTS) {
            JsonNode root = ReferenceVectors.load(file);
            String scenario = file.substring(0, file.length() - ".json".length());
            JsonNode secrets = root.get("secrets");
            for (JsonNode p : root.get("packets")) {
                JsonNode d = p.path("decoded");
                if (!"GUTES".equals(d.path("kind").asText())) {
                    continue;
                }
                String name = scenario + " packet " + p.get("n").asInt() + " "
                        + d.get("name").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> check(p, secrets, root.get("result"))));
            }
        }
        return tests.stream();
    }

    private static void check(JsonNode p, JsonNode secrets, JsonNode result) throws Exception {
        JsonNode d = p.get("decoded");
        byte[] wire = bytes(p.get("hex"));
        Rc5x32 key = Rc5x32.of(bytes(secrets.get("session_key_hex")));
        AccessCredentials credentials = AccessCredentials.parse(
                secrets.get("access_id").asText(), secrets.get("access_token").asText());
        CertifyReqCodec certify = CertifyReqCodec.forCredentials(credentials);

        DecryptedFrame frame = GutesCipher.robustDecrypt(wire, key);
        assertThat(frame.mode().label()).isEqualTo(d.get("mode").asText());
        assertThat(hex(frame.frame())).isEqualTo(d.get("plain_hex").asText());

        boolean fromClient = p.get("from").asText().startsWith("client");
        GutesMessage m = fromClient ? GutesClassifier.atPeer(wire, key, certify) : GutesClassifier.atClient(wire, key);
        assertThat(m.subtype()).isEqualTo(wire[1] & 0xFF);
        byte[] rebuilt = m instanceof CertifyReq c ? certify.encode(c, key) : GutesCodecs.encode(m, key);
        assertThat(hex(rebuilt)).isEqualTo(p.get("hex").asText());

        if (m instanceof CertifyReq) {
            CertifyCheck check = certify.verify(wire);
            String expected = result.get("certify_signature_checks").asText();
            assertThat("hash=" + check.hashOk() + " hmac=" + check.hmacOk() + " token=" + check.tokenHeadOk()
                            + " sum16=" + check.sum16Ok())
                    .isEqualTo(expected);
        }
        if (m instanceof PassthroughData data) {
            assertThat(data.payload().at(0)).isEqualTo(0xC0);
            assertThat(data.payload().length())
                    .isEqualTo(d.get("inner_mtp").get("len_field").asInt());
        }
    }
}
