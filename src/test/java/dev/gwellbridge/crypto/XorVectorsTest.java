package dev.gwellbridge.crypto;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.testkit.ReferenceVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** xor.json: repeating-key XOR (§4.4), including the empty key. */
class XorVectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() {
        return ReferenceVectors.each("xor.json", v -> {
            byte[] data = bytes(v.get("data_hex"));
            byte[] key = bytes(v.get("key_hex"));
            byte[] out = XorCipher.apply(data, key);
            assertThat(hex(out)).isEqualTo(v.get("output_hex").asText());
            assertThat(XorCipher.apply(out, key)).isEqualTo(data);
            if (key.length == 0) {
                assertThat(out).isEqualTo(data);
            }
        });
    }
}
