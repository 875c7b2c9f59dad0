package dev.gwellbridge.wire;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static dev.gwellbridge.testkit.ReferenceVectors.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.testkit.ReferenceVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** gutes_checksum.json: protected length and checksum for various lengths and flags (§5.3, §5.4). */
class GutesChecksumVectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() {
        return ReferenceVectors.each("gutes_checksum.json", v -> {
            byte[] frame = bytes(v.get("frame_in_hex"));
            int flags = (int) number(v.get("flags"));
            assertThat(Le.int32(frame, 20)).isEqualTo(flags);
            assertThat(Le.int32(frame, 16)).isZero();
            assertThat(GutesFlags.protectedLength(Le.uint16(frame, 2), flags))
                    .isEqualTo(v.get("encrypt_data_len").asInt());
            assertThat(GutesChecksum.compute(frame)).isEqualTo((int) number(v.get("checksum")));
            GutesChecksum.store(frame);
            assertThat(hex(frame)).isEqualTo(v.get("frame_out_hex").asText());
            assertThat(GutesChecksum.verifies(frame))
                    .isEqualTo(v.get("verifies").asBoolean());
        });
    }
}
