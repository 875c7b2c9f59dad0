package dev.gwellbridge.crypto;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static dev.gwellbridge.testkit.ReferenceVectors.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.testkit.ReferenceVectors;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** rc5_32.json: key tables, single blocks and the tail rule of RC5-32/6 (§4.1, §4.3). */
class Rc5x32VectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() {
        return ReferenceVectors.each("rc5_32.json", Rc5x32VectorsTest::check);
    }

    private static void check(JsonNode v) {
        byte[] key = bytes(v.get("key_hex"));
        if (v.has("key_len")) {
            assertThat(key).hasSize(v.get("key_len").asInt());
        }
        Rc5x32 rc5 = Rc5x32.of(key);
        if (v.has("subkeys_S")) {
            int[] expected = new int[v.get("subkeys_S").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (int) number(v.get("subkeys_S").get(i));
            }
            assertThat(rc5.subkeys()).containsExactly(expected);
        }
        byte[] plain = bytes(v.get("plaintext_hex"));
        byte[] cipher = bytes(v.get("ciphertext_hex"));
        byte[] buf = plain.clone();
        if ("ecb_buffer".equals(v.path("kind").asText())) {
            rc5.encrypt(buf, 0, buf.length);
            assertThat(hex(buf)).isEqualTo(hex(cipher));
            int tail = v.get("tail_len_left_plain").asInt();
            assertThat(plain.length / Rc5x32.BLOCK)
                    .isEqualTo(v.get("full_blocks").asInt());
            assertThat(plain.length % Rc5x32.BLOCK).isEqualTo(tail);
            assertThat(Arrays.copyOfRange(buf, buf.length - tail, buf.length))
                    .isEqualTo(Arrays.copyOfRange(plain, plain.length - tail, plain.length));
            rc5.decrypt(buf, 0, buf.length);
        } else {
            assertThat(plain).hasSize(Rc5x32.BLOCK);
            rc5.encryptBlock(buf, 0);
            assertThat(hex(buf)).isEqualTo(hex(cipher));
            rc5.decryptBlock(buf, 0);
        }
        assertThat(hex(buf)).isEqualTo(hex(plain));
    }
}
