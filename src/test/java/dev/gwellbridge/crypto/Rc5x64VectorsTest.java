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

/** rc5_64.json: key tables and blocks of RC5-64/6 (§4.2). */
class Rc5x64VectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() {
        return ReferenceVectors.each("rc5_64.json", Rc5x64VectorsTest::check);
    }

    private static void check(JsonNode v) {
        byte[] key = bytes(v.get("key_hex"));
        assertThat(key).hasSize(v.get("key_len").asInt());
        Rc5x64 rc5 = Rc5x64.of(key);
        if (v.has("subkeys_S")) {
            long[] expected = new long[v.get("subkeys_S").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = number(v.get("subkeys_S").get(i));
            }
            assertThat(rc5.subkeys()).containsExactly(expected);
        }
        byte[] plain = bytes(v.get("plaintext_hex"));
        byte[] buf = plain.clone();
        rc5.encrypt(buf, 0, buf.length);
        assertThat(hex(buf)).isEqualTo(v.get("ciphertext_hex").asText());
        rc5.decrypt(buf, 0, buf.length);
        assertThat(buf).isEqualTo(plain);
    }
}
