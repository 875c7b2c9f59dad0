package dev.gwellbridge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class JpegTest {

    @Test
    void readsTheSizeFromTheFirstStartOfFrame() {
        byte[] jpeg = HexFormat.of()
                .parseHex("ffd8"
                        + "ffe000104a46494600010100000100010000" // APP0 JFIF, length 16
                        + "ffdb0004aabb" // DQT, length 4 (truncated table: only the walk matters)
                        + "ffc0000b08016802800301220002110103" // SOF0: 8 bit, 360 high, 640 wide
                        + "ffd9");

        assertThat(Jpeg.size(jpeg)).contains(new Jpeg.Size(640, 360));
    }

    @Test
    void skipsHuffmanTablesWhoseMarkerLooksLikeAFrame() {
        byte[] jpeg = HexFormat.of().parseHex("ffd8" + "ffc40004aabb" + "ffc2000b0800100020030122000211" + "ffd9");

        assertThat(Jpeg.size(jpeg)).contains(new Jpeg.Size(32, 16));
    }

    @Test
    void rejectsWhatIsNotAJpeg() {
        assertThat(Jpeg.size(new byte[0])).isEmpty();
        assertThat(Jpeg.size(HexFormat.of().parseHex("89504e470d0a1a0a"))).isEmpty();
        assertThat(Jpeg.size(HexFormat.of().parseHex("ffd8ffe00010"))).isEmpty();
        assertThat(Jpeg.size(HexFormat.of().parseHex("ffd8ffc0000b0801"))).isEmpty();
    }
}
