package dev.gwellbridge.crypto;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.testkit.ReferenceVectors;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** giot_hash.json: giot_hash_string over text (as UTF-8) and binary input, with a step trace (§4.5). */
class GiotHashVectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() {
        return ReferenceVectors.each("giot_hash.json", GiotHashVectorsTest::check);
    }

    private static void check(JsonNode v) {
        byte[] input = bytes(v.get("input_hex"));
        if (v.has("input_text_utf8")) {
            assertThat(v.get("input_text_utf8").asText().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(input);
        }
        assertThat(GiotHash.hash(input)).isEqualTo((int) number(v.get("hash")));
        if (v.has("state_after_each_byte")) {
            JsonNode trace = v.get("state_after_each_byte");
            assertThat(trace.size()).isEqualTo(input.length);
            int h = GiotHash.SEED;
            for (int i = 0; i < input.length; i++) {
                h = GiotHash.step(h, input[i]);
                assertThat(h).isEqualTo((int) number(trace.get(i)));
            }
        }
    }
}
