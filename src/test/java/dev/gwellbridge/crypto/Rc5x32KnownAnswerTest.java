package dev.gwellbridge.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The worked examples quoted in GWELL-PROTOCOL.md §4.1 and §4.3. */
class Rc5x32KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encryptsThePasswordKeyExample() {
        Rc5x32 rc5 = Rc5x32.of("www.gwell.cc".getBytes(StandardCharsets.US_ASCII));
        byte[] block = HEX.parseHex("f4e21b00d6860193");
        rc5.encryptBlock(block, 0);
        assertThat(HEX.formatHex(block)).isEqualTo("db2b69b96030c784");
        assertThat(rc5.subkeys()).startsWith(0xc594fd1f, 0x65082731, 0xee524787, 0x78df6345);
        rc5.decryptBlock(block, 0);
        assertThat(HEX.formatHex(block)).isEqualTo("f4e21b00d6860193");
    }

    @Test
    void leavesThePartialTailBlockInPlaintext() {
        Rc5x32 rc5 = Rc5x32.of(HEX.parseHex("a0a3a6a9acafb2b5"));
        byte[] buf = HEX.parseHex("10171e252c333a41484f565d646b727980");
        rc5.encrypt(buf, 0, buf.length);
        assertThat(HEX.formatHex(buf)).isEqualTo("6a1cd568fabd109dd3d8a51ed15aa2b080");
    }
}
