package dev.gwellbridge.wire;

import static dev.gwellbridge.testkit.ProtocolVectors.hex;
import static dev.gwellbridge.testkit.ProtocolVectors.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.testkit.ProtocolVectors;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every vector of {@code av.json} (GWELL-PROTOCOL.md §10), one test per vector id. */
class AvVectorsTest {

    @TestFactory
    Stream<DynamicTest> avVectors() {
        return ProtocolVectors.perVector("av.json", v -> {
            switch (v.get("kind").asText()) {
                case "INITREQ" -> checkInitReq(v);
                case "START" -> checkStart(v);
                case "viewer AV_INIT" -> checkAvInit(v);
                case "av_message_decrypt" -> checkDecrypt(v);
                default -> fail("no check for kind " + v.get("kind"));
            }
        });
    }

    private static void checkInitReq(JsonNode v) throws FrameException {
        int streamId = (int) num(v.get("stream_id"));
        AvStreamCtl m = new AvStreamCtl(
                2,
                streamId,
                AvStreamCtlCommand.INITREQ.code(),
                0,
                v.get("conn_type").asInt(),
                v.get("call_action").asInt(),
                hex(v.get("av_key_hex")),
                v.get("channel_field").asInt());
        byte[] wire = hex(v.get("message_hex"));
        assertThat(hex(AvStreamCtlCodec.encode(m)))
                .isEqualTo(v.get("message_hex").asText());
        assertThat(AvStreamCtlCodec.decode(wire, 0, wire.length)).isEqualTo(m);
        boolean referenceDefaults = v.get("conn_type").asInt() == 1
                && v.get("call_action").asInt() == 1
                && v.get("channel_field").asInt() == 0
                && v.get("av_key_hex").asText().equals("02" + "00".repeat(31));
        assertThat(AvStreamCtl.initReq(streamId).equals(m)).isEqualTo(referenceDefaults);
    }

    private static void checkStart(JsonNode v) throws FrameException {
        AvStreamCtl m = AvStreamCtl.start((int) num(v.get("stream_id")));
        byte[] wire = hex(v.get("message_hex"));
        assertThat(hex(AvStreamCtlCodec.encode(m)))
                .isEqualTo(v.get("message_hex").asText());
        AvStreamCtl decoded = AvStreamCtlCodec.decode(wire, 0, wire.length);
        assertThat(decoded).isEqualTo(m);
        assertThat(AvStreamCtlCommand.fromCode(decoded.command())).contains(AvStreamCtlCommand.START);
    }

    private static void checkAvInit(JsonNode v) {
        Rc5x32 key = Rc5x32.of(hex(v.get("mtp_key_hex")));
        byte[] msg = ViewerAvInitCodec.encode(key);
        assertThat(hex(msg)).isEqualTo(v.get("message_hex").asText());
        assertThat(ViewerAvInitCodec.matches(msg, 0, msg.length, key)).isTrue();
        assertThat(ViewerAvInitCodec.matches(msg, 0, msg.length, Rc5x32.of(new byte[] {1, 2, 3})))
                .isFalse();
    }

    private static void checkDecrypt(JsonNode v) throws FrameException {
        Rc5x32 key = Rc5x32.of(hex(v.get("mtp_key_hex")));
        AvChannel channel = AvChannel.valueOf(v.get("channel").asText());
        byte[] wire = hex(v.get("wire_message_hex"));
        byte[] plain = hex(v.get("plain_message_hex"));

        byte[] buf = wire.clone();
        ByteArrayOutputStream h264 = new ByteArrayOutputStream();
        int[] calls = {0};
        int written = H264Extractor.extract(channel, buf, 0, buf.length, key, (b, off, len) -> {
            calls[0]++;
            h264.write(b, off, len);
        });
        assertThat(hex(buf)).isEqualTo(v.get("buffer_after_decrypt_hex").asText());
        assertThat(hex(h264.toByteArray())).isEqualTo(v.get("h264_output_hex").asText());
        assertThat(written).isEqualTo(h264.size());
        boolean nil = v.has("h264_output_is_nil") && v.get("h264_output_is_nil").asBoolean();
        assertThat(calls[0]).isEqualTo(nil ? 0 : 1);

        // Build side: encrypting the plaintext gives the wire bytes wherever the vector's two
        // messages share a header (not for the type 3 and bad-length vectors, whose wire bytes were
        // made by other means).
        boolean sameHeader = Arrays.equals(plain, 0, 4, wire, 0, 4) && plain.length == Le.uint16(plain, 2);
        if (AvMessage.isEncrypted(plain[0]) && sameHeader) {
            AvMessage m = new AvMessage(plain[0], plain[1] & 0xFF, Arrays.copyOfRange(plain, 4, plain.length));
            assertThat(hex(AvMessageCodec.encode(m, key)))
                    .isEqualTo(v.get("wire_message_hex").asText());
            assertThat(AvMessageCodec.decode(wire, 0, wire.length, key)).isEqualTo(m);
        }
    }
}
