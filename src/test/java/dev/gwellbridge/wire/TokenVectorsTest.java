package dev.gwellbridge.wire;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static dev.gwellbridge.testkit.ReferenceVectors.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.testkit.ReferenceVectors;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** token.json: accessId and accessToken parsing and the derived keys (§3). */
class TokenVectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() {
        return ReferenceVectors.each("token.json", TokenVectorsTest::check);
    }

    private static void check(JsonNode v) throws CredentialFormatException {
        String id = v.get("access_id_string").asText();
        String token = v.get("access_token_string").asText();
        if (v.get("error").asBoolean()) {
            assertThatThrownBy(() -> AccessCredentials.parse(id, token))
                    .isInstanceOfSatisfying(CredentialFormatException.class, e -> {
                        assertThat(e.problem()).isEqualTo(expectedProblem(id, token));
                        assertThat(e.getMessage()).contains(e.field()).doesNotContain(token.substring(0, 16));
                    });
            return;
        }
        AccessCredentials c = AccessCredentials.parse(id, token);
        long accessId = number(v.get("access_id_u64"));
        assertThat(c.accessId()).isEqualTo(accessId);
        assertThat(c.accessId() & 0xFFFF_FFFFL).isEqualTo(number(v.get("word1")));
        assertThat(c.accessId() >>> 32).isEqualTo(number(v.get("word2")));
        assertThat(hex(c.tokenBytes())).isEqualTo(v.get("token_bytes_hex").asText());
        assertThat(hex(c.tokenKey())).isEqualTo(v.get("token_key_hex").asText());
        assertThat(c.tokenHead()).isEqualTo(Arrays.copyOf(bytes(v.get("token_bytes_hex")), 48));
        assertThat(hex(c.extraTokenData()))
                .isEqualTo(v.get("extra_token_data_hex").asText());
        assertThat(c.extraTokenData()).hasSize(v.get("extra_len").asInt());
        assertThat(c.hasExtraTokenData()).isEqualTo(v.get("extra_len").asInt() > 0);
        long[] table = new long[v.get("token_key_rc5_64_S").size()];
        for (int i = 0; i < table.length; i++) {
            table[i] = number(v.get("token_key_rc5_64_S").get(i));
        }
        assertThat(c.tokenCipher().subkeys()).containsExactly(table);
        assertThat(c.toString())
                .contains("accessId=<redacted>")
                .doesNotContain(v.get("token_key_hex").asText())
                .doesNotContain(v.get("token_bytes_hex").asText().substring(0, 8));
        if (id.length() > 4) {
            assertThat(c.toString()).doesNotContain(id).doesNotContain(Long.toHexString(accessId));
        }
    }

    /** The first check that fails, in the parser's order: id, token length, token hex. */
    private static CredentialFormatException.Problem expectedProblem(String id, String token) {
        if (!id.matches("[+-]?[0-9]+")) {
            return CredentialFormatException.Problem.ACCESS_ID_INVALID;
        }
        if (token.length() < 128) {
            return CredentialFormatException.Problem.TOKEN_TOO_SHORT;
        }
        return CredentialFormatException.Problem.TOKEN_NOT_HEX;
    }
}
