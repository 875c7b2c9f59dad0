package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class MarsTokenPropertiesTest {

    @Property
    void accessIdParsesItsSignedAndUnsignedDecimalFormsToTheSameBits(@ForAll long value) {
        AccessId signed = AccessId.parse(Long.toString(value));
        AccessId unsigned = AccessId.parse(Long.toUnsignedString(value));

        assertThat(signed.value()).isEqualTo(value);
        assertThat(unsigned).isEqualTo(signed);
        assertThat(((long) signed.highWord() << 32) | (signed.lowWord() & 0xFFFFFFFFL))
                .isEqualTo(value);
    }

    @Property
    void tokenSplitReturnsExactlyTheEncodedHeadAndTail(
            @ForAll @Size(64) byte[] head, @ForAll @Size(min = 1, max = 120) byte[] tail, @ForAll boolean upper) {
        HexFormat hex = upper ? HexFormat.of().withUpperCase() : HexFormat.of();
        MarsToken token =
                MarsToken.parse(hex.formatHex(head) + Base64.getEncoder().encodeToString(tail));

        assertThat(token.head()).isEqualTo(head);
        assertThat(token.tail()).isEqualTo(tail);
        assertThat(token.certifyKey()).isEqualTo(java.util.Arrays.copyOfRange(head, 48, 64));
    }
}
