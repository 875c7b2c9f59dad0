package dev.gwellbridge.kcp;

import static dev.gwellbridge.kcp.KcpSegment.IKCP_CMD_ACK;
import static dev.gwellbridge.kcp.KcpSegment.IKCP_CMD_PUSH;
import static dev.gwellbridge.kcp.KcpSegment.IKCP_CMD_WASK;
import static dev.gwellbridge.kcp.KcpSegment.IKCP_CMD_WINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of one engine against hand-made peer segments, on a virtual clock. */
class KcpEndpointTest {
    private static final int CONV = 0x1A2B3C4D;

    private static byte[] seg(int cmd, int wnd, int ts, int sn, int una, byte[] data) {
        return KcpSegmentCodec.encode(new KcpSegment(CONV, cmd, 0, wnd, ts, sn, una, data));
    }

    private static void input(KcpEndpoint kcp, byte[] bytes, long now) {
        assertThat(kcp.input(bytes, 0, bytes.length, now)).isZero();
    }

    private static List<Integer> pushSns(SegmentTap tap) {
        return tap.withCmd(IKCP_CMD_PUSH).stream().map(s -> s.segment().sn()).toList();
    }

    @Test
    void sendWindowLimitsSegmentsInFlight() {
        SegmentTap tap = new SegmentTap();
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data(), tap);
        for (int i = 0; i < 100; i++) {
            assertThat(kcp.send(new byte[] {(byte) i})).isZero();
        }
        kcp.update(0);
        assertThat(pushSns(tap)).hasSize(64).startsWith(0).endsWith(63);
        assertThat(kcp.waitSnd()).isEqualTo(100);

        tap.clear();
        input(kcp, seg(IKCP_CMD_ACK, 512, 0, 9, 10, new byte[0]), 20);
        kcp.update(20);
        assertThat(pushSns(tap)).containsExactly(64, 65, 66, 67, 68, 69, 70, 71, 72, 73);
        assertThat(kcp.sndUna()).isEqualTo(10);
    }

    @Test
    void remoteWindowLimitsSegmentsInFlight() {
        SegmentTap tap = new SegmentTap();
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data(), tap);
        input(kcp, seg(IKCP_CMD_WINS, 5, 0, 0, 0, new byte[0]), 0);
        for (int i = 0; i < 20; i++) {
            kcp.send(new byte[] {(byte) i});
        }
        kcp.update(0);
        assertThat(pushSns(tap)).containsExactly(0, 1, 2, 3, 4);
    }

    /** Segments 1..300 arrive while segment 0 is lost, as after one lost datagram at video rate. */
    private static KcpEndpoint receiveAfterOneLoss(int rcvWnd) {
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data().withRcvWnd(rcvWnd), (b, n) -> {});
        kcp.update(0);
        for (int sn = 1; sn <= 300; sn++) {
            input(kcp, seg(IKCP_CMD_PUSH, 128, sn, sn, 0, new byte[] {(byte) sn}), sn);
        }
        return kcp;
    }

    @Test
    void receiveWindowOf512KeepsWhatAWindowOf64DropsAsTooFarAhead() {
        KcpEndpoint wide = receiveAfterOneLoss(512);
        KcpEndpoint narrow = receiveAfterOneLoss(64);
        assertThat(wide.counters().droppedAhead()).isZero();
        assertThat(wide.rcvBufCount()).isEqualTo(300);
        assertThat(narrow.counters().droppedAhead()).isEqualTo(300 - 63);
        assertThat(narrow.rcvBufCount()).isEqualTo(63);

        byte[] lost = seg(IKCP_CMD_PUSH, 128, 0, 0, 0, new byte[] {0});
        input(wide, lost, 400);
        input(narrow, lost, 400);
        int wideCount = 0;
        for (byte[] m = wide.recv(); m != null; m = wide.recv()) {
            assertThat(m[0]).isEqualTo((byte) wideCount++);
        }
        int narrowCount = 0;
        for (byte[] m = narrow.recv(); m != null; m = narrow.recv()) {
            assertThat(m[0]).isEqualTo((byte) narrowCount++);
        }
        assertThat(wideCount).isEqualTo(301);
        assertThat(narrowCount).isEqualTo(64);
        assertThat(narrow.rcvNxt()).isEqualTo(64);
    }

    @Test
    void timeoutRetransmissionBacksOffLinearly() {
        SegmentTap tap = new SegmentTap();
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data(), tap);
        kcp.update(0);
        kcp.send("lost".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (long t = 10; t <= 3100; t += 10) {
            tap.now = t;
            kcp.update(t);
        }
        List<Long> times =
                tap.withCmd(IKCP_CMD_PUSH).stream().map(SegmentTap.Sent::at).toList();
        assertThat(times).containsExactly(10L, 210L, 610L, 1210L, 2010L, 3010L);
        assertThat(kcp.counters().retransmissions()).isEqualTo(5);
        assertThat(tap.withCmd(IKCP_CMD_PUSH).get(5).segment().ts()).isEqualTo(3010);
    }

    @Test
    void rtoEstimateFollowsRoundTripSamplesWithinTheMinimum() {
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data(), (b, n) -> {});
        kcp.update(0);
        kcp.send(new byte[] {1});
        kcp.update(10);
        assertThat(kcp.rxRto()).isEqualTo(200);
        input(kcp, seg(IKCP_CMD_ACK, 512, 10, 0, 1, new byte[0]), 20);
        assertThat(kcp.rxRto()).isEqualTo(100);
        kcp.send(new byte[] {2});
        kcp.update(20);
        input(kcp, seg(IKCP_CMD_ACK, 512, 20, 1, 2, new byte[0]), 420);
        assertThat(kcp.rxRto()).isGreaterThan(400);
    }

    @Test
    void fastResendAfterTenLaterAcks() {
        SegmentTap tap = new SegmentTap();
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data(), tap);
        for (int i = 0; i < 12; i++) {
            kcp.send(new byte[] {(byte) i});
        }
        kcp.update(0);
        tap.clear();
        for (int sn = 1; sn <= 10; sn++) {
            input(kcp, seg(IKCP_CMD_ACK, 512, 0, sn, 0, new byte[0]), 20);
            tap.now = 20;
            kcp.flush();
            if (sn < 10) {
                assertThat(pushSns(tap)).as("after %d acks", sn).isEmpty();
            }
        }
        assertThat(pushSns(tap)).containsExactly(0);
        assertThat(kcp.counters().fastRetransmissions()).isEqualTo(1);
        assertThat(kcp.counters().retransmissions()).isZero();
    }

    @Test
    void zeroWindowIsProbedWithWaskAndAnsweredWithWins() {
        SegmentTap senderTap = new SegmentTap();
        KcpEndpoint sender = new KcpEndpoint(CONV, KcpConfig.data(), senderTap);
        SegmentTap receiverTap = new SegmentTap();
        KcpEndpoint receiver = new KcpEndpoint(CONV, KcpConfig.data(), receiverTap);
        sender.update(0);
        receiver.update(0);
        input(sender, seg(IKCP_CMD_ACK, 0, 0, 0, 0, new byte[0]), 0);
        assertThat(sender.rmtWnd()).isZero();
        sender.send(new byte[] {42});

        long t = 10;
        for (; senderTap.withCmd(IKCP_CMD_WASK).isEmpty(); t += 10) {
            senderTap.now = t;
            sender.update(t);
            assertThat(pushSns(senderTap)).isEmpty();
        }
        SegmentTap.Sent wask = senderTap.withCmd(IKCP_CMD_WASK).get(0);
        assertThat(wask.at()).isEqualTo(10 + KcpEndpoint.IKCP_PROBE_INIT);

        byte[] probe = KcpSegmentCodec.encode(wask.segment());
        input(receiver, probe, t);
        receiver.update(t);
        assertThat(receiverTap.withCmd(IKCP_CMD_WINS))
                .singleElement()
                .satisfies(s -> assertThat(s.segment().wnd()).isEqualTo(512));
        input(
                sender,
                KcpSegmentCodec.encode(receiverTap.withCmd(IKCP_CMD_WINS).get(0).segment()),
                t);
        sender.update(t + 10);
        assertThat(pushSns(senderTap)).containsExactly(0);
        assertThat(sender.counters().windowProbesSent()).isEqualTo(1);
        assertThat(receiver.counters().windowAnswersSent()).isEqualTo(1);
    }

    @Test
    void convMismatchIsDroppedAndCounted() {
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data(), (b, n) -> {});
        byte[] foreign =
                KcpSegmentCodec.encode(new KcpSegment(CONV ^ 1, IKCP_CMD_PUSH, 0, 128, 0, 0, 0, new byte[] {9}));
        assertThat(kcp.input(foreign, 0, foreign.length, 0)).isEqualTo(-1);
        assertThat(kcp.recv()).isNull();
        assertThat(kcp.rcvNxt()).isZero();

        byte[] good = seg(IKCP_CMD_PUSH, 128, 0, 0, 0, new byte[] {7});
        byte[] both = new byte[good.length + foreign.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(foreign, 0, both, good.length, foreign.length);
        assertThat(kcp.input(both, 0, both.length, 0)).isEqualTo(-1);
        assertThat(kcp.recv()).containsExactly(7);
        assertThat(kcp.counters().convMismatches()).isEqualTo(2);
    }

    @Test
    void malformedInputIsRefusedWithStockReturnCodes() {
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data(), (b, n) -> {});
        byte[] good = seg(IKCP_CMD_PUSH, 128, 0, 0, 0, new byte[] {1, 2, 3});
        assertThat(kcp.input(good, 0, 10, 0)).isEqualTo(-1);
        assertThat(kcp.input(good, 0, good.length - 1, 0)).isEqualTo(-2);
        byte[] badCmd = good.clone();
        badCmd[4] = 99;
        assertThat(kcp.input(badCmd, 0, badCmd.length, 0)).isEqualTo(-3);
        assertThat(kcp.counters().malformedInputs()).isEqualTo(3);
        assertThat(kcp.recv()).isNull();
    }

    @Test
    void advancedSendSequenceStartsAfterHandMadeSegments() {
        SegmentTap tap = new SegmentTap();
        KcpEndpoint ctrl = new KcpEndpoint(KcpConv.ctrl(CONV), KcpConfig.ctrl(), tap);
        ctrl.advanceSendSequence(3);
        assertThat(ctrl.sndNxt()).isEqualTo(3);
        assertThat(ctrl.sndUna()).isEqualTo(3);
        ctrl.send(new byte[] {1});
        ctrl.update(0);
        assertThat(pushSns(tap)).containsExactly(3);
        assertThatThrownBy(() -> ctrl.advanceSendSequence(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesMessagesOf128FragmentsOrMore() {
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data(), (b, n) -> {});
        assertThat(kcp.send(new byte[127 * kcp.mss()])).isZero();
        assertThat(kcp.send(new byte[127 * kcp.mss() + 1])).isEqualTo(-2);
        assertThat(kcp.send(new byte[4], 0, -1)).isEqualTo(-1);
    }

    @Test
    void deadLinkIsCountedButTheSegmentKeepsBeingSent() {
        SegmentTap tap = new SegmentTap();
        KcpConfig config = new KcpConfig(0, 10, 10, 64, 512, 1400, 100, 100, 60_000, 3);
        KcpEndpoint kcp = new KcpEndpoint(CONV, config, tap);
        kcp.update(0);
        kcp.send(new byte[] {1});
        for (long t = 10; t <= 2000; t += 10) {
            kcp.update(t);
        }
        int sends = tap.withCmd(IKCP_CMD_PUSH).size();
        assertThat(sends).isGreaterThan(3);
        assertThat(kcp.counters().deadLinkTransmissions()).isEqualTo(sends - 2);
    }

    @Test
    void checkTellsWhenTheNextUpdateIsDue() {
        KcpEndpoint kcp = new KcpEndpoint(CONV, KcpConfig.data(), (b, n) -> {});
        assertThat(kcp.check(1000)).isEqualTo(1000);
        kcp.update(1000);
        assertThat(kcp.check(1000)).isEqualTo(1010);
        assertThat(kcp.check(1004)).isEqualTo(1010);
        assertThat(kcp.check(1010)).isEqualTo(1010);
        kcp.send(new byte[] {1});
        kcp.update(1010);
        assertThat(kcp.check(1015)).isEqualTo(1020);
    }

    @Test
    void reassemblesFragmentsOnlyWhenTheLastOneArrives() {
        SegmentTap tap = new SegmentTap();
        KcpEndpoint sender = new KcpEndpoint(CONV, KcpConfig.data().withMtu(100), tap);
        byte[] message = new byte[500];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (i * 7);
        }
        sender.send(message);
        sender.update(0);
        List<byte[]> buffers = tap.buffers;
        assertThat(buffers).hasSize(7);
        KcpEndpoint receiver = new KcpEndpoint(CONV, KcpConfig.data(), (b, n) -> {});
        for (int i = buffers.size() - 1; i >= 1; i--) {
            input(receiver, buffers.get(i), 0);
            assertThat(receiver.recv()).isNull();
        }
        input(receiver, buffers.get(0), 0);
        assertThat(receiver.recv()).isEqualTo(message);
        assertThat(receiver.counters().messagesReceived()).isEqualTo(1);
    }
}
