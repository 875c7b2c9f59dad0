package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Credential strings in every accepted spelling parse back to their parts; bad ones name the field. */
class AccessCredentialsTest {

    @Property(tries = 1000)
    void formattedCredentialsParseBackToTheirParts(@ForAll long seed) throws CredentialFormatException {
        SplittableRandom r = new SplittableRandom(seed);
        long accessId = r.nextLong();
        byte[] token = new byte[64];
        r.nextBytes(token);
        byte[] extra = new byte[r.nextInt(4) == 0 ? 0 : r.nextInt(1, 200)];
        r.nextBytes(extra);

        String id = r.nextBoolean() ? Long.toString(accessId) : Long.toUnsignedString(accessId);
        String hex = HexFormat.of().formatHex(token);
        hex = r.nextBoolean() ? hex.toUpperCase(Locale.ROOT) : hex;
        Base64.Encoder b64 =
                r.nextBoolean() ? Base64.getEncoder() : Base64.getEncoder().withoutPadding();
        AccessCredentials c = AccessCredentials.parse(id, hex + b64.encodeToString(extra));

        assertThat(c).isEqualTo(AccessCredentials.of(accessId, token, extra));
        assertThat(c.accessId()).isEqualTo(accessId);
        assertThat(c.tokenBytes()).isEqualTo(token);
        assertThat(c.extraTokenData()).isEqualTo(extra);
        assertThat(c.toString()).doesNotContain(hex.substring(0, 12)).doesNotContain(Long.toUnsignedString(accessId));
    }

    @Test
    void signedAccessIdsAreReinterpretedAsUnsigned() throws CredentialFormatException {
        assertThat(AccessCredentials.parseAccessId("-1")).isEqualTo(-1L);
        assertThat(AccessCredentials.parseAccessId("18446744073709551615")).isEqualTo(-1L);
        assertThat(AccessCredentials.parseAccessId("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void badAccessIdNamesTheField() {
        for (String id : new String[] {"", "abc", "18446744073709551616", "1.5", " 12", null}) {
            assertThatThrownBy(() -> AccessCredentials.parseAccessId(id))
                    .isInstanceOfSatisfying(CredentialFormatException.class, e -> {
                        assertThat(e.problem()).isEqualTo(CredentialFormatException.Problem.ACCESS_ID_INVALID);
                        assertThat(e.field()).isEqualTo("accessId");
                        assertThat(e.getMessage()).contains("accessId");
                    });
        }
    }

    @Test
    void shortTokenNamesTheFieldAndItsLengthButNotItsContent() {
        String token = "ab".repeat(63);
        assertThatThrownBy(() -> AccessCredentials.parse("1", token))
                .isInstanceOfSatisfying(CredentialFormatException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CredentialFormatException.Problem.TOKEN_TOO_SHORT);
                    assertThat(e.getMessage())
                            .contains("accessToken")
                            .contains("126")
                            .doesNotContain("abab");
                });
        assertThatThrownBy(() -> AccessCredentials.parse("1", null)).isInstanceOf(CredentialFormatException.class);
    }

    @Test
    void nonAsciiDigitsAreNotHex() {
        // U+0663 is a digit to Character.digit, but not a hex character of the token.
        String token = "\u0663" + "0".repeat(127);
        assertThatThrownBy(() -> AccessCredentials.parse("1", token))
                .isInstanceOfSatisfying(
                        CredentialFormatException.class,
                        e -> assertThat(e.problem()).isEqualTo(CredentialFormatException.Problem.TOKEN_NOT_HEX));
    }

    @Test
    void anUndecodableTailMeansNoExtraData() throws CredentialFormatException {
        String hex = "0f".repeat(64);
        assertThat(AccessCredentials.parse("7", hex + "%%%").hasExtraTokenData())
                .isFalse();
        assertThat(AccessCredentials.parse("7", hex + "=").hasExtraTokenData()).isFalse();
        assertThat(AccessCredentials.parse("7", hex).extraTokenData()).isEmpty();
    }

    @Test
    void derivedKeysAreTheTokenSlices() throws CredentialFormatException {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append(String.format(Locale.ROOT, "%02x", 255 - i));
        }
        AccessCredentials c = AccessCredentials.parse("42", hex.toString());
        assertThat(c.tokenHead()).hasSize(48).startsWith((byte) 255, (byte) 254);
        assertThat(c.tokenKey()).hasSize(16).startsWith((byte) (255 - 48)).endsWith((byte) (255 - 63));
        assertThat(c.tokenCipher().subkeys())
                .isEqualTo(dev.gwellbridge.crypto.Rc5x64.of(c.tokenKey()).subkeys());
    }
}
