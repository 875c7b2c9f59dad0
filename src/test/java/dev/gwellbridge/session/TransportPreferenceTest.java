package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.camera.TransportPreference;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.RelayEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-camera transport preference in transport setup (GWELL-PROTOCOL.md §11.4, §11.5): {@code
 * lan} never activates or sends to a relay, {@code relay} never sends to the camera's LAN address.
 */
class TransportPreferenceTest {
    private static final Ipv4Endpoint RELAY = Ipv4Endpoint.parse("127.0.0.1:45001");

    /** A meter request of the current call, framed as the camera would send it. */
    private static byte[] meterRequest(Harness h) {
        return MeterCodec.encode(new MeterMessage(
                false,
                h.peers.camera.linkId(),
                FakeCamera.TID,
                FakePeers.credentials().accessId(),
                1,
                h.now));
    }

    @Test
    void lanStreamsOverTheLanAndNeverSendsToARelayEvenWhenOneSpeaksFirst() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relays = List.of(new RelayEntry(1, RelayEntry.FLAG_TCP, RELAY));
        byte[] video = LanSessionTest.h264(5_000, 2);
        peers.camera.setVideo(video);
        SessionConfig config =
                Harness.lanConfig().transport(TransportPreference.LAN).build();
        Harness h = new Harness(peers, config, Harness.entropy(21)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 10_000);
        byte[] request = meterRequest(h);
        h.inject(RELAY, CameraPath.extended(request, 0, request.length, FakeCamera.TID, true));
        h.runUntil(() -> h.video.size() == video.length, h.now + 30_000);

        assertThat(h.video.toByteArray()).isEqualTo(video);
        assertThat(h.events).contains(new SessionEvent.Streaming(Transport.LAN_UDP));
        assertThat(h.sentTo(RELAY)).isEmpty();
        assertThat(h.sent)
                .noneSatisfy(s -> assertThat(s.action())
                        .isInstanceOfAny(SessionAction.ConnectTcp.class, SessionAction.SendTcp.class));
        assertThat(h.sentOfKind("G:b9:data")).as("no PASSTHROUGH copies").isEmpty();
        assertThat(h.sentOfKind("G:ca:socket1")).as("no relay activation").isEmpty();
        assertThat(h.sentTo(Harness.CAMERA)).isNotEmpty();
    }

    @Test
    void theSameSessionWithAutoAnswersTheRelay() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relays = List.of(new RelayEntry(1, RelayEntry.FLAG_TCP, RELAY));
        Harness h = new Harness(peers, Harness.lanConfig().build(), Harness.entropy(21)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 10_000);
        byte[] request = meterRequest(h);
        h.inject(RELAY, CameraPath.extended(request, 0, request.length, FakeCamera.TID, true));
        h.runUntilStreaming(30_000);

        assertThat(h.sentTo(RELAY))
                .as("the contrast that makes the lan test meaningful")
                .isNotEmpty();
        assertThat(h.sentOfKind("G:ca:socket1")).isNotEmpty();
    }

    @Test
    void relayStreamsALanCameraThroughTheTcpRelayAndNeverSendsToItsLanAddress() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.relayReachesCamera = true;
        byte[] video = LanSessionTest.h264(5_000, 3);
        peers.camera.setVideo(video);
        SessionConfig config =
                Harness.lanConfig().transport(TransportPreference.RELAY).build();
        Harness h = new Harness(peers, config, Harness.entropy(22)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 10_000);
        // The camera speaks straight from its LAN address: with auto this becomes a LAN candidate.
        byte[] request = meterRequest(h);
        h.inject(Harness.CAMERA, CameraPath.standard(request, 0, request.length, true, true));
        h.runUntil(() -> h.video.size() == video.length, h.now + 30_000);

        assertThat(h.video.toByteArray()).isEqualTo(video);
        assertThat(h.events)
                .contains(new SessionEvent.TransportChosen(Transport.TCP_RELAY))
                .contains(new SessionEvent.Streaming(Transport.TCP_RELAY));
        assertThat(h.sentTo(Harness.CAMERA)).isEmpty();
        assertThat(h.datagrams()).allSatisfy(s -> assertThat(s.to()).isEqualTo(Harness.SERVER));
        assertThat(h.timesOf("G:ca:portstat")).as("no LAN probe").isEmpty();
        assertThat(config.cameraLanIp())
                .as("the relay preference drops the LAN IP")
                .isEmpty();
    }

    @Test
    void autoTurnsTheSameDirectDatagramIntoALanPath() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.relayReachesCamera = true;
        SessionConfig config = Harness.lanConfig().cameraLanIp(null).build();
        Harness h = new Harness(peers, config, Harness.entropy(22)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.TRANSPORT) >= 0, Harness.START + 10_000);
        byte[] request = meterRequest(h);
        h.inject(Harness.CAMERA, CameraPath.standard(request, 0, request.length, true, true));
        h.runUntilStreaming(30_000);

        assertThat(h.sentTo(Harness.CAMERA))
                .as("the contrast that makes the relay test meaningful")
                .isNotEmpty();
    }

    @Test
    void relayWithUdpRelaysListedSendsToThemAndNotToTheLanCandidates() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relays = List.of(new RelayEntry(1, 0, RELAY));
        peers.tcpListeners.clear();
        SessionConfig config =
                Harness.lanConfig().transport(TransportPreference.RELAY).build();
        Harness h = new Harness(peers, config, Harness.entropy(23)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.INITREQ) >= 0, Harness.START + 60_000);
        h.runFor(5_000);

        assertThat(h.events).contains(new SessionEvent.TransportChosen(Transport.UDP_RELAY));
        assertThat(h.sentOfKind("K:CTRL:initreq:hand"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.to()).isEqualTo(RELAY));
        assertThat(h.datagrams()).allSatisfy(s -> assertThat(s.to()).isIn(Harness.SERVER, RELAY));
    }

    @Test
    void lanWithoutAnyLanAddressFailsAtTransportSetupWithoutTouchingRelays() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relays = List.of(new RelayEntry(1, RelayEntry.FLAG_TCP, RELAY));
        SessionConfig config = Harness.lanConfig()
                .cameraLanIp(null)
                .transport(TransportPreference.LAN)
                .build();
        Harness h = new Harness(peers, config, Harness.entropy(24)).start();
        h.runFor(30_000);

        assertThat(h.failure()).isEqualTo(FailureReason.NO_LAN_IP);
        assertThat(h.ended().detail()).contains("transport is lan");
        assertThat(h.phaseAt(SessionPhase.TRANSPORT)).isPositive();
        assertThat(h.phaseAt(SessionPhase.INITREQ)).isEqualTo(-1);
        assertThat(h.sentTo(RELAY)).isEmpty();
        assertThat(h.sent).noneSatisfy(s -> assertThat(s.action()).isInstanceOf(SessionAction.ConnectTcp.class));
    }

    @Test
    void lanWithARelayOnlyCameraFailsAsRelayOnlyRightAfterCalling() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relayOnly = true;
        SessionConfig config =
                Harness.lanConfig().transport(TransportPreference.LAN).build();
        Harness h = new Harness(peers, config, Harness.entropy(25)).start();
        h.runFor(60_000);

        assertThat(h.failure()).isEqualTo(FailureReason.RELAY_ONLY);
        assertThat(h.phaseAt(SessionPhase.TRANSPORT)).isEqualTo(-1);
        assertThat(h.now - h.phaseAt(SessionPhase.CALLING)).isLessThan(1_000);
        assertThat(h.sent)
                .noneSatisfy(s -> assertThat(s.action())
                        .isInstanceOfAny(SessionAction.ConnectTcp.class, SessionAction.SendTcp.class));
    }
}
