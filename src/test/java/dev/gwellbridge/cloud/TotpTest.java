package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B (SHA-1 rows) and RFC 4648 base32. */
class TotpTest {
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String RFC_KEY_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void rfc6238Sha1VectorsWithEightDigits() {
        assertThat(Totp.code(RFC_KEY, 59 / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, 20000000000L / 30, 8)).isEqualTo("65353130");
    }

    @Test
    void sixDigitCodeFromBase32SecretAtAnInstant() {
        assertThat(Totp.decodeBase32(RFC_KEY_BASE32)).isEqualTo(RFC_KEY);
        assertThat(Totp.decodeBase32("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq===="))
                .isEqualTo(RFC_KEY);
        assertThat(Totp.code(RFC_KEY_BASE32, Instant.ofEpochSecond(1111111109L)))
                .isEqualTo("081804");
    }

    @Test
    void invalidSecretIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> Totp.code("NOT-BASE32-189", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("189");
    }
}
