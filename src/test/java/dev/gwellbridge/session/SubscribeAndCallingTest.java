package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.wire.Calling;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.RelayEntry;
import dev.gwellbridge.wire.ResResponse;
import dev.gwellbridge.wire.SubscribeResp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phases 5 and 6 (GWELL-PROTOCOL.md §6.5, §11.3): answers end them, timeouts bound them. */
class SubscribeAndCallingTest {
    private static final Ipv4Endpoint RELAY = Ipv4Endpoint.parse("127.0.0.1:45001");

    @Test
    void subscribeLeavesOnceEverySubscribeGotItsAnswer() {
        Harness h = Harness.lan().start();
        h.runUntil(() -> h.phaseAt(SessionPhase.CALLING) >= 0, Harness.START + 10_000);

        assertThat(h.timesOf("G:b0:devid")).hasSize(1);
        assertThat(h.timesOf("G:b0:token")).hasSize(1);
        assertThat(h.phaseAt(SessionPhase.CALLING) - h.phaseAt(SessionPhase.SUBSCRIBE))
                .isEqualTo(2);
    }

    @Test
    void subscribeWithoutAnswersWaitsTheThreeSecondRead() {
        Harness h = Harness.lan();
        h.peers.server.answerSubscribe = false;
        h.start().runUntil(() -> h.phaseAt(SessionPhase.CALLING) >= 0, Harness.START + 10_000);

        assertThat(h.phaseAt(SessionPhase.CALLING) - h.phaseAt(SessionPhase.SUBSCRIBE))
                .isEqualTo(3_000);
    }

    @Test
    void subscribeStopsAfterFiveFrames() {
        Harness h = Harness.lan();
        h.peers.server.answerSubscribe = false;
        h.start().runUntil(() -> h.phaseAt(SessionPhase.SUBSCRIBE) >= 0, Harness.START + 10_000);
        for (int i = 0; i < 5; i++) {
            h.inject(Harness.SERVER, new byte[30]);
        }

        assertThat(h.phaseAt(SessionPhase.CALLING)).isEqualTo(h.now);
        assertThat(h.machine.stats().malformed()).isEqualTo(5);
    }

    @Test
    void callingLeavesAtTheMtpResResponse() {
        Harness h = Harness.lan().start();
        h.runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 10_000);

        assertThat(h.phaseAt(SessionPhase.TRANSPORT) - h.phaseAt(SessionPhase.CALLING))
                .isEqualTo(2);
    }

    @Test
    void callingWithoutAnswerAndWithoutLanIpIsRepeatedTwiceThenFailsThreeSecondsAfterTheLast() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.answerCalling = false;
        SessionConfig config = Harness.lanConfig().cameraLanIp(null).build();
        Harness h = new Harness(peers, config, Harness.entropy(6)).start();
        h.runFor(20_000);

        assertThat(h.failure()).isEqualTo(FailureReason.CAMERA_UNREACHABLE);
        long calling = h.phaseAt(SessionPhase.CALLING);
        assertThat(h.timesOf("G:a4"))
                .containsExactly(
                        calling - Harness.START, calling - Harness.START + 1_000, calling - Harness.START + 2_000);
        assertThat(h.now - calling).isEqualTo(5_000);
    }

    @Test
    void callingWithoutAnswerButWithALanIpGoesOnToTheFixedPortsAfterTheRepeats() {
        Harness h = Harness.lan();
        h.peers.server.answerCalling = false;
        h.start().runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 20_000);

        assertThat(h.phaseAt(SessionPhase.TRANSPORT) - h.phaseAt(SessionPhase.CALLING))
                .isEqualTo(5_000);
        assertThat(h.timesOf("G:a4")).hasSize(3);
        h.runFor(1);
        assertThat(h.sentOfKind("G:ca:portstat").stream().map(Harness.Sent::to).distinct())
                .containsExactlyInAnyOrder(
                        Harness.SERVER,
                        Ipv4Endpoint.parse("127.0.0.1:6789"),
                        Ipv4Endpoint.parse("127.0.0.1:32761"),
                        Ipv4Endpoint.parse("127.0.0.1:32100"));
    }

    @Test
    void aLostCallingIsSentAgainUnchangedAndTheSessionGoesOnAtTheAnswer() {
        Harness h = Harness.lan();
        h.peers.server.answerCalling = false;
        h.start().runUntil(() -> h.timesOf("G:a4").size() == 2, Harness.START + 20_000);
        h.peers.server.answerCalling = true;
        h.runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 20_000);

        List<Harness.Sent> calls = h.sentOfKind("G:a4");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).at() - calls.get(0).at()).isEqualTo(1_000);
        assertThat(h.peers.server.received)
                .filteredOn(Calling.class::isInstance)
                .map(m -> ((Calling) m).linkId())
                .hasSize(2)
                .containsOnly(((Calling) h.peers.server.received.stream()
                                .filter(Calling.class::isInstance)
                                .findFirst()
                                .orElseThrow())
                        .linkId());
        assertThat(h.phaseAt(SessionPhase.TRANSPORT) - calls.get(1).at()).isLessThan(100);
        assertThat(h.failure()).isNull();
    }

    @Test
    void callingStopsAfterTwentyFrames() {
        Harness h = Harness.lan();
        h.peers.server.answerCalling = false;
        h.start().runUntil(() -> h.phaseAt(SessionPhase.CALLING) >= 0, Harness.START + 10_000);
        byte[] noise = GutesCodecs.encode(SubscribeResp.of(FakeServer.ROUTING_ID, 1), h.peers.server.sessionKey);
        for (int i = 0; i < 19; i++) {
            h.inject(Harness.SERVER, noise);
        }
        assertThat(h.phaseAt(SessionPhase.TRANSPORT)).isEqualTo(-1);
        h.inject(Harness.SERVER, noise);
        assertThat(h.phaseAt(SessionPhase.TRANSPORT)).isEqualTo(h.now);
    }

    @Test
    void aRelayOnlyAckLeavesHalfASecondForALateMtpResResponseAndUsesIt() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relayOnly = true;
        peers.tcpListeners.clear();
        SessionConfig config = Harness.lanConfig().cameraLanIp(null).build();
        Harness h = new Harness(peers, config, Harness.entropy(7)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.CALLING) >= 0, Harness.START + 10_000);
        h.runFor(300);
        ResResponse late =
                ResResponse.of(FakeServer.ROUTING_ID, 0, 0, 0, 0, Ipv4.ANY, List.of(new RelayEntry(1, 0, RELAY)));
        h.inject(Harness.SERVER, GutesCodecs.encode(late, peers.server.sessionKey));
        h.runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, h.now + 10_000);

        assertThat(h.phaseAt(SessionPhase.TRANSPORT) - h.phaseAt(SessionPhase.CALLING))
                .isEqualTo(300);
        h.runFor(50);
        assertThat(h.sentOfKind("M:registration"))
                .anySatisfy(s -> assertThat(s.to()).isEqualTo(RELAY));
    }

    @Test
    void aRelayOnlyAckWithoutMtpResResponseMovesOnAfterHalfASecond() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relayOnly = true;
        SessionConfig config = Harness.lanConfig().cameraLanIp(null).build();
        Harness h = new Harness(peers, config, Harness.entropy(8)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 10_000);

        assertThat(h.phaseAt(SessionPhase.TRANSPORT) - h.phaseAt(SessionPhase.CALLING))
                .isEqualTo(502);
        h.runUntilStreaming(10_000);
        assertThat(h.events).contains(new SessionEvent.TransportChosen(Transport.TCP_RELAY));
    }
}
