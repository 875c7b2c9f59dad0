package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The synthetic token and access id of the cloud API notes, section 4.5. */
class MarsTokenTest {
    private static final String TAIL =
            "AQMQERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF0=";

    private static String syntheticToken() {
        byte[] head = new byte[64];
        for (int i = 0; i < 64; i++) {
            head[i] = (byte) i;
        }
        return HexFormat.of().withUpperCase().formatHex(head) + TAIL;
    }

    @Test
    void syntheticTokenSplitsAtCharacter128() {
        String token = syntheticToken();
        assertThat(token).hasSize(236);
        MarsToken parsed = MarsToken.parse(token);
        assertThat(parsed.head()).hasSize(64);
        assertThat(parsed.head()[63]).isEqualTo((byte) 0x3f);
        byte[] tail = parsed.tail();
        assertThat(tail).hasSize(80);
        assertThat(tail[0]).isEqualTo((byte) 0x01);
        assertThat(tail[1]).isEqualTo((byte) 0x03);
        for (int i = 2; i < 80; i++) {
            assertThat(tail[i]).isEqualTo((byte) (0x10 + i - 2));
        }
    }

    @Test
    void syntheticTokenCertifyKeyIsBytes48To63() {
        assertThat(HexFormat.of().formatHex(MarsToken.parse(syntheticToken()).certifyKey()))
                .isEqualTo("303132333435363738393a3b3c3d3e3f");
    }

    @Test
    void syntheticTokenParsesInLowerCaseAndWithoutPadding() {
        String token = syntheticToken();
        String variant = token.substring(0, 128).toLowerCase(java.util.Locale.ROOT) + TAIL.replace("=", "");
        assertThat(MarsToken.parse(variant).certifyKey())
                .isEqualTo(MarsToken.parse(token).certifyKey());
        assertThat(MarsToken.parse(variant).tail())
                .isEqualTo(MarsToken.parse(token).tail());
    }

    @Test
    void tailStartingWithHexLettersIsStillSplitByPosition() {
        // The observed tail began with 'A', a valid hex digit: the split must not look for where hex stops.
        MarsToken parsed = MarsToken.parse(syntheticToken());
        assertThat(TAIL.charAt(0)).isEqualTo('A');
        assertThat(parsed.head()).hasSize(64);
    }

    @Test
    void malformedTokensAreRefusedWithoutEchoingThem() {
        String shortToken = "ABCDEF0123456789";
        assertThatThrownBy(() -> MarsToken.parse(shortToken))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain(shortToken);
        String notHex = "Z".repeat(128) + TAIL;
        assertThatThrownBy(() -> MarsToken.parse(notHex))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("ZZZZ");
        assertThatThrownBy(() -> MarsToken.parse("0".repeat(128) + "***")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accessIdExampleMinus1234567890123456789SplitsIntoWords() {
        AccessId id = AccessId.parse("-1234567890123456789");
        assertThat(id.value()).isEqualTo(0xEEDDEF0B82167EEBL);
        assertThat(id.unsigned()).isEqualTo("17212176183586094827");
        assertThat(id.lowWord()).isEqualTo(0x82167EEB);
        assertThat(id.highWord()).isEqualTo(0xEEDDEF0B);
        assertThat(id).hasToString("-1234567890123456789");
    }

    @Test
    void accessIdAboveLongMaxFallsBackToUnsigned() {
        assertThat(AccessId.parse("17212176183586094827")).isEqualTo(AccessId.parse("-1234567890123456789"));
        assertThatThrownBy(() -> AccessId.parse("18446744073709551616")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessId.parse("12ab")).isInstanceOf(IllegalArgumentException.class);
    }
}
