package dev.gwellbridge.kcp;

import static dev.gwellbridge.testkit.ProtocolVectors.hex;
import static dev.gwellbridge.testkit.ProtocolVectors.hexList;
import static dev.gwellbridge.testkit.ProtocolVectors.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.testkit.ProtocolVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of {@code kcp.json} (GWELL-PROTOCOL.md §9), one test per vector id. Scenario vectors
 * drive a {@link KcpEndpoint} with the recorded steps and compare its output byte for byte.
 *
 * <p>Where a scenario does not state its receive window, the wnd field of the segments the
 * reference sent tells it (an empty receive queue advertises the whole window):
 * {@code kcp_scn_out_of_order} ran with 512 (DATA), the send-side scenarios with 128 (CTRL). Steps
 * without a clock value run at the time of the last update.
 */
class KcpVectorsTest {

    @TestFactory
    Stream<DynamicTest> kcpVectors() {
        return ProtocolVectors.perVector("kcp.json", v -> {
            switch (v.get("kind").asText()) {
                case "push_builder" -> checkPush(v);
                case "ack_builder" -> checkAck(v);
                case "conv_ids" -> checkConv(v);
                case "scenario" -> checkScenario(v);
                default -> fail("no check for kind " + v.get("kind"));
            }
        });
    }

    private static void checkPush(JsonNode v) throws KcpFormatException {
        int conv = (int) num(v.get("conv"));
        int sn = (int) num(v.get("sn"));
        int ts = (int) num(v.get("ts"));
        byte[] data = hex(v.get("data_hex"));
        byte[] seg = KcpManualSegments.initReqPush(conv, sn, ts, data);
        assertThat(hex(seg)).isEqualTo(v.get("segment_hex").asText());
        assertThat(KcpSegmentCodec.decode(seg, 0, seg.length))
                .isEqualTo(new KcpSegment(conv, KcpSegment.IKCP_CMD_PUSH, 0, 128, ts, sn, 0, data));
    }

    private static void checkAck(JsonNode v) throws KcpFormatException {
        int conv = (int) num(v.get("conv"));
        int sn = (int) num(v.get("sn"));
        int ts = (int) num(v.get("ts"));
        int una = (int) num(v.get("una"));
        byte[] seg = KcpManualSegments.directAck(conv, sn, ts, una);
        assertThat(hex(seg)).isEqualTo(v.get("segment_hex").asText());
        assertThat(KcpSegmentCodec.decode(seg, 0, seg.length))
                .isEqualTo(new KcpSegment(conv, KcpSegment.IKCP_CMD_ACK, 0, 128, ts, sn, una, new byte[0]));
    }

    private static void checkConv(JsonNode v) {
        int link = (int) num(v.get("link_id"));
        assertThat(KcpConv.data(link)).isEqualTo((int) num(v.get("conv_data")));
        assertThat(KcpConv.ctrl(link)).isEqualTo((int) num(v.get("conv_ctrl")));
        assertThat(KcpConv.isCtrl(KcpConv.ctrl(link))).isTrue();
        assertThat(KcpConv.isCtrl(KcpConv.data(link))).isFalse();
    }

    /** Records every output call of an engine. */
    private static final class Recorder implements KcpOutput {
        final List<String> frames = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        long now;

        @Override
        public void output(byte[] buf, int len) {
            frames.add(hex(buf, 0, len));
            times.add(now);
        }
    }

    private static void checkScenario(JsonNode v) {
        String id = v.get("id").asText();
        switch (id) {
            case "kcp_scn_inorder", "kcp_scn_out_of_order" -> stepScenario(v);
            case "kcp_scn_ahead_rcvwnd64", "kcp_scn_ahead_rcvwnd512" -> aheadScenario(v);
            case "kcp_scn_wrong_conv" -> wrongConvScenario(v);
            case "kcp_scn_send_fragment" -> fragmentScenario(v);
            case "kcp_scn_retransmit_schedule" -> retransmitScenario(v);
            case "kcp_scn_wask_wins" -> waskScenario(v);
            default -> fail("no driver for scenario " + id);
        }
    }

    private static KcpConfig windows(JsonNode v) {
        if (v.has("wnd")) {
            assertThat(v.get("wnd").asText()).isEqualTo("snd 64 rcv 512");
            return KcpConfig.data();
        }
        if (v.has("rcv_wnd")) {
            return KcpConfig.data().withRcvWnd(v.get("rcv_wnd").asInt());
        }
        return v.get("id").asText().equals("kcp_scn_out_of_order") ? KcpConfig.data() : KcpConfig.ctrl();
    }

    /**
     * Runs the recorded steps, then drains recv and lets one more update flush. The reference's
     * output of {@code kcp_scn_out_of_order} (wnd 512) was flushed after its queue was drained,
     * that of {@code kcp_scn_inorder} (wnd 510) during the steps, before draining.
     */
    private static void stepScenario(JsonNode v) {
        Recorder out = new Recorder();
        KcpEndpoint kcp = new KcpEndpoint((int) num(v.get("conv")), windows(v), out);
        List<String> received = new ArrayList<>();
        long now = 0;
        for (JsonNode step : v.get("steps")) {
            switch (step.get("op").asText()) {
                case "update" -> {
                    now = step.get("current").asLong();
                    out.now = now;
                    kcp.update(now);
                }
                case "input" -> {
                    byte[] in = hex(step.get("hex"));
                    assertThat(kcp.input(in, 0, in.length, now))
                            .isEqualTo(step.get("rc").asInt());
                }
                case "recv" -> {
                    byte[] m = kcp.recv();
                    assertThat(m == null ? "" : hex(m))
                            .isEqualTo(step.get("result").asText());
                }
                default -> fail("unknown step " + step);
            }
        }
        for (byte[] m = kcp.recv(); m != null; m = kcp.recv()) {
            received.add(hex(m));
        }
        out.now = now + 10;
        kcp.update(now + 10);
        assertThat(out.frames).isEqualTo(hexList(v.get("output_frames_hex")));
        assertThat(received).isEqualTo(hexList(v.get("received_msgs_hex")));
        if (v.has("rcv_nxt_after")) {
            assertThat((long) kcp.rcvNxt()).isEqualTo(num(v.get("rcv_nxt_after")));
        }
    }

    private static void aheadScenario(JsonNode v) {
        Recorder out = new Recorder();
        KcpEndpoint kcp = new KcpEndpoint((int) num(v.get("conv")), windows(v), out);
        byte[] in = hex(v.get("input_hex"));
        assertThat(kcp.input(in, 0, in.length, 0)).isZero();
        kcp.update(0);
        assertThat(out.frames).isEqualTo(hexList(v.get("output_frames_hex")));
        assertThat(kcp.counters().droppedAhead())
                .isEqualTo(v.get("dropped_ahead").asLong());
        assertThat(kcp.rcvBufCount()).isEqualTo(v.get("rcv_buf_len").asInt());
    }

    private static void wrongConvScenario(JsonNode v) {
        Recorder out = new Recorder();
        KcpEndpoint kcp = new KcpEndpoint((int) num(v.get("conv")), windows(v), out);
        byte[] in = hex(v.get("input_hex"));
        assertThat(kcp.input(in, 0, in.length, 0)).isEqualTo(v.get("rc").asInt());
        kcp.update(0);
        assertThat(out.frames).isEmpty();
        assertThat(kcp.counters().convMismatches()).isEqualTo(1);
        assertThat(kcp.rcvBufCount() + kcp.rcvQueueCount()).isZero();
    }

    /** The send happens before the first update, which flushes at the segments' ts (5010). */
    private static void fragmentScenario(JsonNode v) {
        Recorder out = new Recorder();
        int mtu = v.get("mtu").asInt();
        KcpConfig config = windows(v).withMtu(mtu);
        assertThat(config.mss()).isEqualTo(v.get("mss").asInt());
        KcpEndpoint kcp = new KcpEndpoint((int) num(v.get("conv")), config, out);
        byte[] message = new byte[v.get("send_len").asInt()];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
        assertThat(kcp.send(message)).isEqualTo(v.get("send_rc").asInt());
        kcp.update(5010);
        assertThat(out.frames).isEqualTo(hexList(v.get("output_frames_hex")));
        assertThat((long) kcp.sndNxt()).isEqualTo(num(v.get("snd_nxt")));
        assertThat((long) kcp.sndUna()).isEqualTo(num(v.get("snd_una_before_ack")));
        byte[] ack = hex(v.get("ack_in_hex"));
        assertThat(kcp.input(ack, 0, ack.length, 5020)).isZero();
        assertThat((long) kcp.sndUna()).isEqualTo(num(v.get("snd_una_after_ack")));
        assertThat(kcp.rmtWnd()).isEqualTo(128);

        // Documented divergence (GWELL-PROTOCOL.md §9.4): the reference's recv hands out only the
        // first fragment (76 bytes here); this engine reassembles the three fragments as stock does.
        KcpEndpoint peer = new KcpEndpoint((int) num(v.get("conv")), config, (b, n) -> {});
        for (String frame : out.frames) {
            byte[] in = ProtocolVectors.hexBytes(frame);
            assertThat(peer.input(in, 0, in.length, 5010)).isZero();
        }
        assertThat(peer.peekSize()).isEqualTo(message.length);
        assertThat(peer.recv()).isEqualTo(message);
        assertThat(peer.recv()).isNull();
    }

    /** Sent after a first update at 10000; then updated every 10 ms with nothing acknowledged. */
    private static void retransmitScenario(JsonNode v) {
        Recorder out = new Recorder();
        KcpEndpoint kcp = new KcpEndpoint((int) num(v.get("conv")), windows(v), out);
        out.now = 10_000;
        kcp.update(10_000);
        assertThat(kcp.send(hex(v.get("sent")))).isZero();
        JsonNode tx = v.get("transmissions");
        long last = tx.get(tx.size() - 1).get("current").asLong();
        for (long t = 10_010; t <= last + 100; t += 10) {
            out.now = t;
            kcp.update(t);
        }
        List<Long> expectedTimes = new ArrayList<>();
        List<String> expectedFrames = new ArrayList<>();
        tx.forEach(t -> {
            expectedTimes.add(t.get("current").asLong());
            expectedFrames.add(t.get("frame_hex").asText());
        });
        assertThat(out.times).isEqualTo(expectedTimes);
        assertThat(out.frames).isEqualTo(expectedFrames);
        assertThat(kcp.counters().retransmissions()).isEqualTo(tx.size() - 1);
    }

    private static void waskScenario(JsonNode v) {
        Recorder out = new Recorder();
        KcpEndpoint kcp = new KcpEndpoint((int) num(v.get("conv")), windows(v), out);
        byte[] in = hex(v.get("input_hex"));
        assertThat(kcp.input(in, 0, in.length, 20_010)).isZero();
        kcp.update(20_010);
        assertThat(out.frames).isEqualTo(hexList(v.get("output_frames_hex")));
        assertThat(kcp.counters().windowAnswersSent()).isEqualTo(1);
        assertThat(kcp.counters().windowProbesSent()).isZero();
    }
}
