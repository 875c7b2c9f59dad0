package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.kcp.KcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phase 7a/7b (GWELL-PROTOCOL.md §11.6): the INITREQ loop, ACCEPT, START and AV_INIT. */
class InitReqPhaseTest {

    @Test
    void aCameraThatNeverAcceptsIsAskedEvery200MsWithAHeartbeatEveryFifthTryForSixtySeconds() {
        Harness h = Harness.lan();
        h.peers.camera.initReqsToIgnore = Integer.MAX_VALUE;
        h.start().runFor(120_000);
        long loop = h.timesOf("K:CTRL:initreq:hand").get(0);

        List<Long> tries = h.timesOf("K:CTRL:initreq:hand").stream().distinct().toList();
        for (int i = 1; i < tries.size(); i++) {
            assertThat(tries.get(i) - tries.get(i - 1)).isEqualTo(200);
        }
        assertThat(tries).hasSize(300);
        List<Long> heartbeats = h.timesOf("G:a0").stream()
                .filter(t -> t > loop)
                .map(t -> t - loop)
                .toList();
        assertThat(heartbeats.subList(0, 3)).containsExactly(800L, 1_800L, 2_800L);
        assertThat(h.failure()).isEqualTo(FailureReason.CAMERA_UNREACHABLE);
        assertThat(h.ended().detail()).contains("no ACCEPT").contains("300 INITREQ tries");
        assertThat(h.now - Harness.START - loop).isEqualTo(60_000);
    }

    @Test
    void eachRetryResendsSnZeroPlusANewSequenceNumber() {
        Harness h = Harness.lan();
        h.peers.camera.initReqsToIgnore = 3;
        h.start().runUntilStreaming(10_000);
        h.runFor(50);

        List<Integer> sns = h.sentOfKind("K:CTRL:initreq:hand").stream()
                .filter(s -> s.to().equals(Harness.CAMERA))
                .flatMap(s -> h.segments(s).stream())
                .map(KcpSegment::sn)
                .toList();
        assertThat(sns).containsExactly(0, 0, 1, 0, 2, 0, 3);
        assertThat(h.peers.camera.starts).isEqualTo(1);
        assertThat(h.peers.camera.avInits).isEqualTo(1);
    }

    @Test
    void afterAcceptTheCtrlEngineContinuesPastTheHandMadeSegments() {
        Harness h = Harness.lan();
        h.peers.camera.initReqsToIgnore = 3;
        h.start().runUntilStreaming(10_000);
        h.runFor(16_000);

        List<KcpSegment> renewal = h.sentOfKind("K:CTRL:initreq:engine").stream()
                .flatMap(s -> h.segments(s).stream())
                .filter(s -> s.cmd() == KcpSegment.IKCP_CMD_PUSH)
                .toList();
        assertThat(renewal).first().satisfies(s -> assertThat(s.sn()).isEqualTo(4));
        assertThat(h.peers.camera.initReqs).isEqualTo(5);
    }

    @Test
    void acceptIsAnsweredAtOnceWithStartThenAvInitOnData() {
        Harness h = Harness.lan();
        h.peers.camera.setVideo(LanSessionTest.h264(100, 1));
        h.start().runUntilStreaming(10_000);

        long start = h.timesOf("K:DATA:avctl6").get(0);
        long avInit = h.timesOf("K:DATA:avinit").get(0);
        assertThat(start).isEqualTo(avInit).isEqualTo(h.streamingAt() - Harness.START);
        KcpSegment startSegment = h.sentOfKind("K:DATA:avctl6").get(0).equals(null)
                ? null
                : h.segments(h.sentOfKind("K:DATA:avctl6").get(0)).stream()
                        .filter(s -> s.cmd() == KcpSegment.IKCP_CMD_PUSH)
                        .findFirst()
                        .orElseThrow();
        assertThat(startSegment.sn()).isZero();
        assertThat(startSegment.ts())
                .as("fresh engines are updated before sending")
                .isNotZero();
        assertThat(h.segments(h.sentOfKind("K:DATA:avinit").get(0)))
                .filteredOn(s -> s.cmd() == KcpSegment.IKCP_CMD_PUSH)
                .singleElement()
                .satisfies(s -> assertThat(s.sn()).isEqualTo(1));
    }

    @Test
    void onTheLanTheLoopStartsWithoutThePassthroughPause() {
        Harness h = Harness.lan().start();
        h.runUntilStreaming(10_000);

        assertThat(h.timesOf("K:CTRL:initreq:hand").get(0))
                .isEqualTo(h.timesOf("G:b9:control").get(0));
        assertThat(h.events).contains(new SessionEvent.Streaming(Transport.LAN_UDP));
    }
}
