package dev.gwellbridge.wire;

import static dev.gwellbridge.testkit.ProtocolVectors.hex;
import static dev.gwellbridge.testkit.ProtocolVectors.num;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.kcp.KcpConfig;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.testkit.ProtocolVectors;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays what the camera (or, relay-only, the server's TCP relay) sent to the client in the
 * recorded sessions through the whole receive path (MTP split, KCP, AV decryption, H.264
 * extraction) and checks the result is the H.264 the fake camera sent.
 */
class TranscriptReplayTest {

    @TestFactory
    Stream<DynamicTest> rebuildsTheCameraH264() {
        return Stream.of("session_lan_A.json", "session_lan_B.json", "session_relay_only_B.json")
                .map(file -> DynamicTest.dynamicTest(file, () -> replay(file)));
    }

    /** A UDP datagram the client sent to a camera or relay address that is MTP (the others are GUTES). */
    private static boolean isClientMtp(JsonNode p) {
        return p.get("from").asText().startsWith("client")
                && !p.get("to").asText().startsWith("server")
                && p.get("transport").asText().equals("udp")
                && p.get("hex").asText().startsWith("c0");
    }

    private static void replay(String file) throws Exception {
        Path path = ProtocolVectors.folder().resolve(file);
        if (!Files.isRegularFile(path)) {
            Assumptions.abort("protocol vectors not found at " + path.toAbsolutePath());
        }
        JsonNode root = new ObjectMapper().readTree(path.toFile());
        JsonNode secrets = root.get("secrets");
        int dataConv = (int) num(secrets.get("conv_data"));
        int ctrlConv = (int) num(secrets.get("conv_ctrl"));
        Rc5x32 key = Rc5x32.of(hex(secrets.get("mtp_key_hex")));
        KcpEndpoint data = new KcpEndpoint(dataConv, KcpConfig.data(), (b, n) -> {});
        KcpEndpoint ctrl = new KcpEndpoint(ctrlConv, KcpConfig.ctrl(), (b, n) -> {});
        MtpStreamFramer tcp = new MtpStreamFramer();
        ByteArrayOutputStream h264 = new ByteArrayOutputStream();
        List<Integer> avCommands = new ArrayList<>();
        int clientFrames = 0;

        for (JsonNode p : root.get("packets")) {
            String from = p.get("from").asText();
            String to = p.get("to").asText();
            List<byte[]> frames = new ArrayList<>();
            if (isClientMtp(p)) {
                // The reference client's own MTP frames decode whole, with a correct checksum.
                byte[] sent = hex(p.get("hex"));
                MtpFrame frame = MtpFrameCodec.decode(sent, 0, sent.length);
                assertThat(MtpFrameCodec.checksumMatches(sent, 0, sent.length)).isTrue();
                assertThat(MtpFrameCodec.encode(frame)).isEqualTo(sent);
                clientFrames++;
            }
            if (from.equals("camera") && to.equals("client")) {
                frames.add(hex(p.get("hex")));
            } else if (from.equals("server(tcp)") && to.equals("client(tcp)")) {
                byte[] chunk = hex(p.get("hex"));
                frames.addAll(tcp.feed(chunk, 0, chunk.length));
            }
            long now = p.get("t_ms").asLong();
            for (byte[] f : frames) {
                MtpDatagram d = MtpDatagramParser.parse(f, 0, f.length, dataConv, ctrlConv);
                AvStreamCtlScanner.scan(f, d).ifPresent(s -> avCommands.add(s.command()));
                for (MtpDatagram.KcpRun run : d.runs()) {
                    KcpEndpoint engine = run.channel() == AvChannel.DATA ? data : ctrl;
                    assertThat(engine.input(f, run.offset(), run.length(), now)).isZero();
                }
                for (byte[] m = data.recv(); m != null; m = data.recv()) {
                    H264Extractor.extract(AvChannel.DATA, m, 0, m.length, key, h264::write);
                }
                for (byte[] m = ctrl.recv(); m != null; m = ctrl.recv()) {
                    H264Extractor.extract(AvChannel.CTRL, m, 0, m.length, key, h264::write);
                }
            }
        }
        assertThat(clientFrames > 0).isEqualTo(!root.get("relay_only").asBoolean());
        assertThat(avCommands).contains(AvStreamCtlCommand.ACCEPT.code());
        assertThat(ProtocolVectors.hex(h264.toByteArray()))
                .isEqualTo(root.get("synthetic_h264_hex").asText());
        assertThat(h264.size())
                .isEqualTo(root.get("result").get("h264_bytes_sent_by_camera").asInt());
    }
}
