package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.RelayEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phase 6b (GWELL-PROTOCOL.md §11.4, §11.5): probe and wait, relays, transport choice. */
class TransportSetupTest {
    private static final Ipv4Endpoint RELAY = Ipv4Endpoint.parse("127.0.0.1:45001");

    @Test
    void aSilentLanCameraIsProbedForTwelveSecondsRepeatingEveryThirdIteration() {
        Harness h = Harness.lan();
        h.peers.camera.silent = true;
        h.start().runUntil(() -> h.phaseAt(SessionPhase.INITREQ) >= 0, Harness.START + 60_000);
        long t = h.phaseAt(SessionPhase.TRANSPORT);

        List<Long> probes = h.sentOfKind("G:ca:portstat").stream()
                .filter(s -> s.to().equals(Harness.SERVER))
                .map(s -> s.at() - t)
                .toList();
        List<Long> expected = new ArrayList<>();
        for (long ms = 0; ms <= 12_000; ms += 1_200) {
            expected.add(ms);
        }
        assertThat(probes).isEqualTo(expected);
        assertThat(h.sentOfKind("G:a0").stream().map(s -> s.at() - t).filter(ms -> ms < 12_000))
                .isEqualTo(expected.subList(1, expected.size() - 1));
        assertThat(h.timesOf("G:01")).hasSize(4);
        assertThat(h.phaseAt(SessionPhase.INITREQ) - t).isEqualTo(12_000);
        assertThat(h.events).contains(new SessionEvent.TransportChosen(Transport.LAN_UDP));
    }

    @Test
    void aCameraHeardOnlyThroughARelayEndsTheProbeThreeSecondsLater() {
        Harness h = Harness.lan();
        h.peers.camera.silent = true;
        h.peers.server.relays = List.of(new RelayEntry(1, 0, RELAY));
        h.start().runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 10_000);
        h.runFor(100);
        byte[] request = MeterCodec.encode(new MeterMessage(
                false,
                h.peers.camera.linkId(),
                FakeCamera.TID,
                FakePeers.credentials().accessId(),
                1,
                h.now));
        h.inject(RELAY, CameraPath.extended(request, 0, request.length, FakeCamera.TID, true));
        long heard = h.now;
        h.runUntil(() -> h.phaseAt(SessionPhase.INITREQ) >= 0, h.now + 20_000);

        assertThat(h.phaseAt(SessionPhase.INITREQ) - heard).isEqualTo(3_000);
        assertThat(h.sentTo(RELAY))
                .filteredOn(s -> s.at() == heard)
                .anySatisfy(s -> {
                    assertThat(s.data()[1] & MtpFrame.MODE_MASK).isEqualTo(MtpFrame.MODE_EXTENDED);
                    assertThat(h.kinds(s)).contains("M:meter-ack");
                })
                .anySatisfy(s -> assertThat(h.kinds(s)).contains("M:create-kcp"));
    }

    @Test
    void withoutLanAndWithoutTcpTheUdpRelaysAreChosenAfterWaitingFiveSecondsForTcp() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.camera.silent = true;
        peers.server.relays = List.of(new RelayEntry(1, RelayEntry.FLAG_TCP, RELAY));
        peers.tcpListeners.clear();
        SessionConfig config = Harness.lanConfig().cameraLanIp(null).build();
        Harness h = new Harness(peers, config, Harness.entropy(9)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.INITREQ) >= 0, Harness.START + 60_000);
        long t = h.phaseAt(SessionPhase.TRANSPORT);

        assertThat(h.phaseAt(SessionPhase.INITREQ) - t).isEqualTo(12_000 + 5_000);
        assertThat(h.events).contains(new SessionEvent.TransportChosen(Transport.UDP_RELAY));
        assertThat(h.sent).anySatisfy(s -> assertThat(s.action()).isInstanceOf(SessionAction.ConnectTcp.class));
        h.runFor(61_000);
        assertThat(h.sentOfKind("K:CTRL:initreq:hand")).allSatisfy(s -> {
            assertThat(s.to()).isEqualTo(RELAY);
            assertThat(s.data()[1] & MtpFrame.MODE_MASK).isEqualTo(MtpFrame.MODE_EXTENDED);
        });
        assertThat(h.failure()).isEqualTo(FailureReason.NO_LAN_IP);
    }

    @Test
    void aRelayOnlyCameraStreamsOverTheServersTcpRelayWithPassthroughCopies() {
        Harness h = relayOnly(ForkFeatures.FORK);
        byte[] video = LanSessionTest.h264(20_000, 4);
        h.peers.camera.setVideo(video);
        h.runUntil(() -> h.video.size() == video.length, Harness.START + 30_000);

        assertThat(h.video.toByteArray()).isEqualTo(video);
        assertThat(h.events)
                .contains(new SessionEvent.TransportChosen(Transport.TCP_RELAY))
                .contains(new SessionEvent.Streaming(Transport.TCP_RELAY));
        assertThat(h.timesOf("G:ca:portstat"))
                .as("no probe without LAN and relays")
                .isEmpty();
        assertThat(h.sentOfKind("P:M:create-kcp")).hasSize(1);
        assertThat(h.sentOfKind("P:K:CTRL:initreq:hand")).isNotEmpty();
        assertThat(h.sent)
                .filteredOn(s -> s.action() instanceof SessionAction.SendTcp)
                .allSatisfy(s -> assertThat(s.data()[1] & MtpFrame.FLAG_CONTROL).isZero());
        long control = h.timesOf("G:b9:control").get(0);
        assertThat(h.timesOf("M:create-kcp").get(0) - control).isEqualTo(200);
    }

    @Test
    void passthroughCopiesCanBeSwitchedOff() {
        Harness h = relayOnly(new ForkFeatures(true, false, true));
        h.peers.camera.setVideo(LanSessionTest.h264(2_000, 4));
        h.runUntil(() -> h.video.size() == 2_000, Harness.START + 30_000);

        assertThat(h.video.size()).isEqualTo(2_000);
        assertThat(h.sentOfKind("G:b9:data")).isEmpty();
    }

    @Test
    void theServersTcpRelayIsReRegisteredEveryThreeSecondsUntilStreaming() {
        Harness h = relayOnly(ForkFeatures.FORK);
        h.peers.camera.initReqsToIgnore = 35;
        h.runUntilStreaming(30_000);
        h.runFor(10_000);
        long streaming = h.streamingAt();

        List<Long> registrations = h.sent.stream()
                .filter(s -> s.action() instanceof SessionAction.SendTcp
                        && h.kinds(s).contains("M:registration"))
                .map(Harness.Sent::at)
                .toList();
        long first = registrations.get(0);
        assertThat(registrations)
                .allSatisfy(at -> assertThat((at - first) % 3_000).isZero());
        assertThat(registrations)
                .hasSizeGreaterThan(2)
                .allSatisfy(at -> assertThat(at).isLessThan(streaming));
    }

    @Test
    void choosingTheLanClosesTheTcpRelayThatConnectedMeanwhile() {
        Harness h = Harness.lan().start();
        h.runUntilStreaming(10_000);

        assertThat(h.sent).anySatisfy(s -> assertThat(s.action()).isInstanceOf(SessionAction.ConnectTcp.class));
        assertThat(h.sent).anySatisfy(s -> assertThat(s.action()).isInstanceOf(SessionAction.CloseTcp.class));
        assertThat(h.events).contains(new SessionEvent.Streaming(Transport.LAN_UDP));
    }

    @Test
    void aCameraAnsweringThePortStatProbeCountsAsHeard() {
        Harness h = Harness.lan();
        h.peers.camera.sendMeterRequests = false;
        h.peers.camera.answerPortStat = true;
        h.peers.camera.setVideo(LanSessionTest.h264(1_000, 5));
        h.start().runUntil(() -> h.video.size() == 1_000, Harness.START + 10_000);

        assertThat(h.phaseAt(SessionPhase.INITREQ) - h.phaseAt(SessionPhase.TRANSPORT))
                .isLessThan(10);
        assertThat(h.video.size()).isEqualTo(1_000);
    }

    static Harness relayOnly(ForkFeatures features) {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relayOnly = true;
        SessionConfig config =
                Harness.lanConfig().cameraLanIp(null).features(features).build();
        return new Harness(peers, config, Harness.entropy(10)).start();
    }

    @Test
    void anMtpResResponseArrivingDuringTransportSetupStillAddsItsRelays() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relayOnly = true;
        peers.tcpListeners.clear();
        Harness h = new Harness(peers, Harness.lanConfig().cameraLanIp(null).build(), Harness.entropy(14)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 10_000);
        h.runFor(1_000);
        dev.gwellbridge.wire.ResResponse late = dev.gwellbridge.wire.ResResponse.of(
                FakeServer.ROUTING_ID, 0, 0, 0, 0, dev.gwellbridge.wire.Ipv4.ANY, List.of(new RelayEntry(1, 0, RELAY)));
        h.inject(Harness.SERVER, dev.gwellbridge.wire.GutesCodecs.encode(late, peers.server.sessionKey));
        h.runUntil(() -> h.phaseAt(SessionPhase.INITREQ) >= 0, h.now + 10_000);
        h.runFor(300);

        assertThat(h.events).contains(new SessionEvent.TransportChosen(Transport.UDP_RELAY));
        assertThat(h.phaseAt(SessionPhase.INITREQ) - h.phaseAt(SessionPhase.TRANSPORT))
                .isEqualTo(5_000);
        assertThat(h.sentOfKind("K:CTRL:initreq:hand"))
                .anySatisfy(s -> assertThat(s.to()).isEqualTo(RELAY));
    }

    @Test
    void aRelayOnlyCameraWithoutAnyRelayPathFailsAsRelayOnly() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relayOnly = true;
        peers.tcpListeners.clear();
        SessionConfig config = Harness.lanConfig()
                .cameraLanIp(null)
                .features(new ForkFeatures(true, false, true))
                .build();
        Harness h = new Harness(peers, config, Harness.entropy(15)).start();
        h.runFor(30_000);

        assertThat(h.failure()).isEqualTo(FailureReason.RELAY_ONLY);
        assertThat(h.now - h.phaseAt(SessionPhase.TRANSPORT)).isEqualTo(5_000);
    }

    @Test
    void aRelayOnlyCameraReachableOnlyThroughPassthroughFailsAsRelayOnlyAfterTheInitReqLoop() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relayOnly = true;
        peers.tcpListeners.clear();
        Harness h = new Harness(peers, Harness.lanConfig().cameraLanIp(null).build(), Harness.entropy(16)).start();
        h.runFor(120_000);

        assertThat(h.events).contains(new SessionEvent.TransportChosen(Transport.PASSTHROUGH));
        assertThat(h.sentOfKind("P:K:CTRL:initreq:hand")).isNotEmpty();
        assertThat(h.failure()).isEqualTo(FailureReason.RELAY_ONLY);
    }
}
