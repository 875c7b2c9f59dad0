package dev.gwellbridge.wire;

import static dev.gwellbridge.testkit.ProtocolVectors.hex;
import static dev.gwellbridge.testkit.ProtocolVectors.hexList;
import static dev.gwellbridge.testkit.ProtocolVectors.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.kcp.KcpConfig;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.testkit.ProtocolVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every vector of {@code mtp.json} (GWELL-PROTOCOL.md §8), one test per vector id. */
class MtpVectorsTest {

    @TestFactory
    Stream<DynamicTest> mtpVectors() {
        return ProtocolVectors.perVector("mtp.json", v -> {
            switch (v.get("kind").asText()) {
                case "standard", "extended" -> checkFrame(v);
                case "payload_offset" ->
                    assertThat(MtpFrameCodec.payloadOffset((int) num(v.get("flags"))))
                            .isEqualTo(v.get("payload_offset").asInt());
                case "session_control" -> checkSessionControl(v);
                case "relay_register" -> checkRelayRegister(v);
                case "mtp_parse" -> checkParse(v);
                default -> fail("no check for kind " + v.get("kind"));
            }
        });
    }

    private static void checkFrame(JsonNode v) throws FrameException {
        byte[] wire = hex(v.get("frame_hex"));
        byte[] payload = hex(v.get("payload_hex"));
        boolean urgent = v.get("urgent").asBoolean();
        boolean extended = v.get("kind").asText().equals("extended");
        int total = v.get("total_len").asInt();

        assertThat(wire).hasSize(total);
        assertThat(MtpFrameCodec.lengthField(wire, 0))
                .isEqualTo(v.get("decoded_len_field").asInt());
        if (v.has("len_field_u16le")) {
            assertThat((long) Le.uint16(wire, 2)).isEqualTo(num(v.get("len_field_u16le")));
        }
        assertThat((long) MtpFrameCodec.checksum(wire, 0, wire.length)).isEqualTo(num(v.get("checksum_u16")));
        assertThat((long) Le.uint16(wire, 4)).isEqualTo(num(v.get("field_4_6")));
        assertThat(MtpFrameCodec.payloadOffset(wire[1] & 0xFF))
                .isEqualTo(v.get("payload_offset").asInt());
        assertThat(MtpFrameCodec.checksumMatches(wire, 0, wire.length)).isTrue();

        long dest = extended ? num(v.get("dest_tid")) : 0;
        if (total > MtpFrame.MAX_LENGTH) {
            // The vector shows the wrap of the 11-bit length field; such a frame must never be built.
            if (extended) {
                assertThatThrownBy(() -> MtpFrame.extended(payload, dest, urgent))
                        .isInstanceOf(IllegalArgumentException.class);
            } else {
                assertThatThrownBy(() -> MtpFrame.standard(payload, urgent, true))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> MtpFrameCodec.decode(wire, 0, wire.length)).isInstanceOf(FrameException.class);
            return;
        }
        MtpFrame frame = extended ? MtpFrame.extended(payload, dest, urgent) : MtpFrame.standard(payload, urgent, true);
        assertThat(hex(MtpFrameCodec.encode(frame)))
                .isEqualTo(v.get("frame_hex").asText());
        MtpFrame decoded = MtpFrameCodec.decode(wire, 0, wire.length);
        assertThat(decoded).isEqualTo(frame);
        assertThat(decoded.urgent()).isEqualTo(urgent);
        assertThat(decoded.extended()).isEqualTo(extended);
        assertThat(decoded.destId()).isEqualTo(dest);
    }

    private static void checkSessionControl(JsonNode v) throws FrameException {
        int cmd = (int) num(v.get("cmd"));
        if (cmd == SessionControlMessage.CMD_CREATE_KCP) {
            CreateKcpMessage m = new CreateKcpMessage(
                    (int) num(v.get("link_id")), num(v.get("calling_id")), num(v.get("called_id")));
            byte[] msg = SessionControlCodec.encode(m);
            assertThat(hex(msg)).isEqualTo(v.get("message_hex").asText());
            assertThat(hex(MtpFrameCodec.encode(MtpFrame.standard(msg, true, true))))
                    .isEqualTo(v.get("mtp_frame_urgent_hex").asText());
            assertThat(SessionControlCodec.decode(msg, 0, msg.length)).isEqualTo(m);
            return;
        }
        if (v.has("request_hex")) {
            byte[] request = hex(v.get("request_hex"));
            assertThat(cmd).isEqualTo(SessionControlMessage.CMD_METER_ACK);
            assertThat(hex(MeterCodec.ackFor(request, 0, request.length)))
                    .isEqualTo(v.get("ack_message_hex").asText());
            return;
        }
        assertThat(cmd).isEqualTo(SessionControlMessage.CMD_METER_REQUEST);
        byte[] msg = hex(v.get("message_hex"));
        MeterMessage m = (MeterMessage) SessionControlCodec.decode(msg, 0, msg.length);
        assertThat(m.ack()).isFalse();
        assertThat(m.round()).isEqualTo(v.get("round").asInt());
        assertThat(m.timeMs()).isEqualTo(num(v.get("timestamp_ms")));
        assertThat(hex(MeterCodec.encode(m))).isEqualTo(v.get("message_hex").asText());
        assertThat(hex(MtpFrameCodec.encode(MtpFrame.standard(msg, true, true))))
                .isEqualTo(v.get("mtp_frame_urgent_hex").asText());

        byte[] ack = MeterCodec.ackFor(msg, 0, msg.length);
        assertThat(hex(ack)).isEqualTo(v.get("ack_message_hex").asText());
        assertThat(hex(MtpFrameCodec.encode(MtpFrame.standard(ack, true, true))))
                .isEqualTo(v.get("ack_mtp_frame_hex").asText());
        MeterMessage decodedAck = MeterCodec.decode(ack, 0, ack.length);
        assertThat(decodedAck)
                .isEqualTo(new MeterMessage(true, m.linkId(), m.destinationId(), m.sourceId(), m.round(), m.timeMs()));
    }

    private static void checkRelayRegister(JsonNode v) throws FrameException {
        RelayRegistration r = new RelayRegistration(
                (int) num(v.get("link_id")),
                num(v.get("calling_id")),
                num(v.get("called_id")),
                num(v.get("timestamp_ms")));
        byte[] frame = RelayRegistrationCodec.encode(r);
        assertThat(hex(frame)).isEqualTo(v.get("frame_hex").asText());
        assertThat((long) MtpFrameCodec.checksum(frame, 0, frame.length)).isEqualTo(num(v.get("checksum_u16")));
        assertThat(RelayRegistrationCodec.matches(frame, 0, frame.length)).isTrue();
        assertThat(RelayRegistrationCodec.decode(frame, 0, frame.length)).isEqualTo(r);
    }

    private static void checkParse(JsonNode v) throws FrameException {
        byte[] frame = hex(v.get("frame_hex"));
        int dataConv = (int) num(v.get("conv_data"));
        int ctrlConv = (int) num(v.get("conv_ctrl"));
        MtpDatagram d = MtpDatagramParser.parse(frame, 0, frame.length, dataConv, ctrlConv);

        long feedCmd = num(v.get("feed_session_cmd"));
        if (feedCmd == 0) {
            assertThat(d.control()).isEmpty();
        } else {
            assertThat(d.control()).map(c -> 0x10000L | c.command()).contains(feedCmd);
        }

        Optional<AvStreamCtlSighting> seen = AvStreamCtlScanner.scan(frame, d);
        long result = num(v.get("avstreamctl_result"));
        if ((result & 0x10000) != 0) {
            assertThat(seen).isEmpty();
            assertThat(d.control()).map(c -> 0x10000L | c.command()).contains(result);
        } else {
            assertThat(seen).map(s -> (long) s.command()).contains(result);
        }
        assertThat(seen.map(s -> hex(s.acceptKey())).orElse(""))
                .isEqualTo(v.get("accept_key_hex").asText());

        List<String> dataMsgs = new ArrayList<>();
        List<String> ctrlMsgs = new ArrayList<>();
        KcpEndpoint data = new KcpEndpoint(dataConv, KcpConfig.data(), (b, n) -> {});
        KcpEndpoint ctrl = new KcpEndpoint(ctrlConv, KcpConfig.ctrl(), (b, n) -> {});
        for (MtpDatagram.KcpRun run : d.runs()) {
            KcpEndpoint engine = run.channel() == AvChannel.DATA ? data : ctrl;
            assertThat(engine.input(frame, run.offset(), run.length(), 0)).isZero();
        }
        for (byte[] m = data.recv(); m != null; m = data.recv()) {
            dataMsgs.add(hex(m));
        }
        for (byte[] m = ctrl.recv(); m != null; m = ctrl.recv()) {
            ctrlMsgs.add(hex(m));
        }
        assertThat(dataMsgs).isEqualTo(hexList(v.get("data_msgs")));
        assertThat(ctrlMsgs).isEqualTo(hexList(v.get("ctrl_msgs")));
        assertThat(d.droppedSegments()).isZero();
    }
}
