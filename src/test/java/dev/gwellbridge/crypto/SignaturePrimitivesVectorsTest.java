package dev.gwellbridge.crypto;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static dev.gwellbridge.testkit.ReferenceVectors.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.testkit.ReferenceVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** signature_primitives.json: nonce → AES key, AES-128-CBC with the iotVideo IV, sum16 (§4.6). */
class SignaturePrimitivesVectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() {
        return ReferenceVectors.each("signature_primitives.json", SignaturePrimitivesVectorsTest::check);
    }

    private static void check(JsonNode v) {
        switch (v.get("kind").asText()) {
            case "derive_aes_key" -> {
                byte[] nonce = bytes(v.get("input_hex"));
                assertThat(nonce).hasSize(SignaturePrimitives.NONCE_LENGTH);
                assertThat(hex(SignaturePrimitives.deriveAesKey(nonce)))
                        .isEqualTo(v.get("output_hex").asText());
                assertThat(SignaturePrimitives.aesKey(nonce)).isEqualTo(bytes(v.get("output_hex")));
            }
            case "aes128_cbc_iotvideo_iv" -> {
                if (v.has("iv_hex")) {
                    assertThat(hex(SignaturePrimitives.iv()))
                            .isEqualTo(v.get("iv_hex").asText());
                }
                byte[] key;
                if (v.has("nonce_hex")) {
                    key = bytes(v.get("nonce_hex"));
                    assertThat(hex(SignaturePrimitives.deriveAesKey(key)))
                            .isEqualTo(v.get("derived_key_hex").asText());
                } else {
                    key = bytes(v.get("key_hex"));
                    assertThat(SignaturePrimitives.aesKey(key)).isEqualTo(key);
                }
                byte[] plain = bytes(v.get("plaintext_hex"));
                byte[] cipher = SignaturePrimitives.aesCbcEncrypt(key, plain);
                assertThat(hex(cipher)).isEqualTo(v.get("ciphertext_hex").asText());
                assertThat(SignaturePrimitives.aesCbcDecrypt(key, cipher)).isEqualTo(plain);
            }
            case "sum16" -> {
                byte[] input = bytes(v.get("input_hex"));
                assertThat(SignaturePrimitives.sum16(input, 0, input.length)).isEqualTo((int) number(v.get("output")));
            }
            default -> throw new AssertionError("unknown kind " + v.get("kind"));
        }
    }
}
