package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamConnection;
import dev.gwellbridge.camera.StreamHandler;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.camera.TransportPreference;
import dev.gwellbridge.wire.CertifyReq;
import dev.gwellbridge.wire.DetectReq2;
import dev.gwellbridge.wire.ServerAddress;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SessionConnector} on the in-memory network and a virtual clock. */
@Timeout(60)
class SessionConnectorTest {
    /** Real threads on a shared 2-core machine: generous bounds, never a timing assertion. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(25);

    /** Records what the connector reports for one camera. */
    static class Recorder implements StreamHandler {
        final List<String> phases = new CopyOnWriteArrayList<>();
        final List<Transport> streaming = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream video = new ByteArrayOutputStream();
        final List<String> ends = new CopyOnWriteArrayList<>();
        volatile FailureReason reason;

        @Override
        public void onPhase(String phase) {
            phases.add(phase);
        }

        @Override
        public void onStreaming(Transport transport) {
            streaming.add(transport);
        }

        @Override
        public synchronized void onVideo(byte[] data, int offset, int length) {
            video.write(data, offset, length);
        }

        @Override
        public void onEnded(FailureReason r, String detail) {
            reason = r;
            ends.add(String.valueOf(detail));
        }

        synchronized int videoSize() {
            return video.size();
        }
    }

    private final List<FakePeers> worlds = new ArrayList<>();

    private FakeNetwork network(byte[] h264) {
        return new FakeNetwork(n -> {
            FakePeers p = new FakePeers(Harness.SERVER, Harness.CAMERA);
            p.camera.setVideo(h264);
            synchronized (worlds) {
                worlds.add(p);
            }
            return p;
        });
    }

    private static StreamRequest request(String lanIp, String token) {
        CameraInfo camera = new CameraInfo(CameraId.of(FakePeers.DEVICE_ID), "Porch", "GW_GC1", "", lanIp, true);
        return new StreamRequest(camera, new P2pCredential(FakePeers.ACCESS_ID, token, Instant.EPOCH), Quality.HD);
    }

    private static ConnectorSettings loopback() {
        // Virtual time races ahead while the test thread looks: no stall window here.
        return ConnectorSettings.DEFAULT
                .withStallTimeout(java.time.Duration.ZERO)
                .withLanFilter(LanFilter.defaults().allowingLoopback())
                .withDiscovery(new DiscoveryTargets(List.of(), List.of(new ServerAddress(Harness.SERVER, 49))));
    }

    private static SessionConnector connector(ConnectorSettings settings, FakeNetwork network) {
        VirtualClock clock = new VirtualClock(Harness.START, network);
        AtomicInteger seeds = new AtomicInteger();
        return new SessionConnector(
                settings, network, () -> clock, () -> Harness.entropy(seeds.incrementAndGet()), network.threads());
    }

    @Test
    void opensAStreamAndReportsPhasesStreamingVideoAndOneEnd() {
        byte[] h264 = LanSessionTest.h264(20_000, 1);
        FakeNetwork network = network(h264);
        SessionConnector connector = connector(loopback().withP2pServer("127.0.0.1:28800"), network);
        Recorder r = new Recorder();
        StreamConnection c = connector.open(request("127.0.0.1", FakePeers.TOKEN), r);
        await().atMost(WAIT).until(() -> r.videoSize() == h264.length);

        assertThat(r.phases)
                .startsWith("connect", "certify", "init-info", "network-detect", "subscribe", "calling")
                .contains("streaming");
        assertThat(r.streaming).containsExactly(Transport.LAN_UDP);
        await().atMost(WAIT).until(() -> c.stats().h264Bytes() == h264.length);
        c.close();
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());
        assertThat(r.reason).isNull();
        c.close();
        assertThat(r.ends).hasSize(1);
        assertThat(network.tcpAttempts.get()).isPositive();
    }

    @Test
    void lanWithoutALanIpEndsAtOnceAsNoLanIpWithoutOpeningAPort() {
        FakeNetwork network = network(new byte[0]);
        SessionConnector connector = connector(loopback().withP2pServer("127.0.0.1:28800"), network);
        Recorder r = new Recorder();
        StreamRequest lanOnly = request("", FakePeers.TOKEN);
        connector.open(
                new StreamRequest(lanOnly.camera(), lanOnly.credential(), lanOnly.quality(), TransportPreference.LAN),
                r);
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());

        assertThat(r.reason).isEqualTo(FailureReason.NO_LAN_IP);
        assertThat(network.ports).isEmpty();
    }

    @Test
    void theRequestsTransportPreferenceSteersTheSession() {
        FakeNetwork network = new FakeNetwork(n -> {
            FakePeers p = new FakePeers(Harness.SERVER, Harness.CAMERA);
            p.relayReachesCamera = true;
            p.camera.setVideo(new byte[2_000]);
            return p;
        });
        SessionConnector connector = connector(loopback().withP2pServer("127.0.0.1:28800"), network);
        Recorder r = new Recorder();
        StreamRequest lan = request("127.0.0.1", FakePeers.TOKEN);
        StreamConnection c = connector.open(
                new StreamRequest(lan.camera(), lan.credential(), lan.quality(), TransportPreference.RELAY), r);
        await().atMost(WAIT).until(() -> r.videoSize() == 2_000);
        c.close();

        assertThat(r.streaming).containsExactly(Transport.TCP_RELAY);
    }

    @Test
    void aBadTokenEndsAtOnceWithAuthAndNamesTheField() {
        SessionConnector connector = connector(loopback(), network(new byte[0]));
        Recorder r = new Recorder();
        connector.open(request("", "abc"), r);
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());

        assertThat(r.reason).isEqualTo(FailureReason.AUTH);
        assertThat(r.ends.get(0)).contains("accessToken").doesNotContain("abc");
    }

    @Test
    void discoveryRunsOnceAndLaterCamerasGetTheServerAndTheDeviceList() {
        FakeNetwork network = new FakeNetwork(n -> {
            FakePeers p = new FakePeers(Harness.SERVER, Harness.CAMERA);
            p.camera.setVideo(new byte[1_000]);
            // Only the discovery session's server sends a device list (the caching quirk).
            p.server.sendDeviceList = n == 0;
            synchronized (worlds) {
                worlds.add(p);
            }
            return p;
        });
        SessionConnector connector = connector(loopback(), network);
        Recorder a = new Recorder();
        StreamConnection ca = connector.open(request("127.0.0.1", FakePeers.TOKEN), a);
        await().atMost(WAIT).until(() -> a.videoSize() == 1_000);
        // One session at a time: two drivers on one virtual clock can jump past each other's
        // deadlines. Concurrent sessions are covered in real time by the simulator tests.
        ca.close();
        await().atMost(WAIT).until(() -> !a.ends.isEmpty());
        Recorder b = new Recorder();
        StreamConnection cb = connector.open(request("127.0.0.1", FakePeers.TOKEN), b);
        await().atMost(WAIT).until(() -> b.videoSize() == 1_000);
        cb.close();

        assertThat(worlds).hasSize(3);
        assertThat(worlds.get(0).server.count(DetectReq2.class)).isEqualTo(1);
        assertThat(worlds.get(0).server.received).noneMatch(m -> m instanceof dev.gwellbridge.wire.Calling);
        for (FakePeers camera : worlds.subList(1, 3)) {
            assertThat(camera.server.count(DetectReq2.class)).isZero();
            assertThat(camera.server.count(CertifyReq.class)).isEqualTo(1);
            assertThat(camera.server.count(dev.gwellbridge.wire.InitInfoMsg.class))
                    .isEqualTo(1);
        }
        assertThat(a.phases).first().isEqualTo("discovery");
        assertThat(b.phases).first().isEqualTo("connect");
    }

    @Test
    void invalidatingDiscoveryMakesTheNextSessionDiscoverAgain() {
        FakeNetwork network = network(new byte[500]);
        SessionConnector connector = connector(loopback(), network);
        Recorder a = new Recorder();
        connector.open(request("127.0.0.1", FakePeers.TOKEN), a).close();
        await().atMost(WAIT).until(() -> !a.ends.isEmpty());
        connector.invalidateDiscovery();
        Recorder b = new Recorder();
        StreamConnection cb = connector.open(request("127.0.0.1", FakePeers.TOKEN), b);
        await().atMost(WAIT).until(() -> b.videoSize() == 500);
        cb.close();

        assertThat(b.phases).first().isEqualTo("discovery");
    }

    @Test
    void noServerAnsweringDiscoveryIsServerUnreachable() {
        FakeNetwork network = new FakeNetwork(n -> {
            FakePeers p = new FakePeers(Harness.SERVER, Harness.CAMERA);
            p.server.answerProbes = false;
            return p;
        });
        SessionConnector connector = connector(loopback(), network);
        Recorder r = new Recorder();
        connector.open(request("", FakePeers.TOKEN), r);
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());

        assertThat(r.reason).isEqualTo(FailureReason.SERVER_UNREACHABLE);
        assertThat(r.ends.get(0)).contains("discovery");
    }

    @Test
    void anUnresolvableServerOverrideIsServerUnreachable() {
        SessionConnector connector =
                connector(loopback().withP2pServer("no-such-host.invalid:28800"), network(new byte[0]));
        Recorder r = new Recorder();
        connector.open(request("", FakePeers.TOKEN), r);
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());

        assertThat(r.reason).isEqualTo(FailureReason.SERVER_UNREACHABLE);
        assertThat(r.ends.get(0)).contains("no-such-host.invalid");
    }

    @Test
    void aMalformedLanIpIsIgnoredAndTheSessionGoesOnWithoutIt() {
        FakeNetwork network = network(new byte[0]);
        SessionConnector connector = connector(loopback().withP2pServer("127.0.0.1:28800"), network);
        Recorder r = new Recorder();
        StreamConnection c = connector.open(request("192.168.1", FakePeers.TOKEN), r);
        await().atMost(WAIT).until(() -> r.phases.contains("calling"));
        c.close();
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());

        assertThat(r.phases).doesNotContain("network-detect");
    }

    @Test
    void aUdpPortThatCannotBeOpenedIsAnInternalFailure() {
        FakeNetwork network = network(new byte[0]);
        network.openFailure = new java.io.IOException("no ports left");
        SessionConnector connector = connector(loopback().withP2pServer("127.0.0.1:28800"), network);
        Recorder r = new Recorder();
        connector.open(request("", FakePeers.TOKEN), r);
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());

        assertThat(r.reason).isEqualTo(FailureReason.INTERNAL);
        assertThat(r.ends.get(0)).contains("no ports left");
    }

    @Test
    void anUnexpectedErrorEndsTheSessionAsInternalAndAFailingHandlerIsTolerated() {
        FakeNetwork network = network(new byte[0]);
        network.openFailure = new IllegalStateException("bug");
        SessionConnector connector = connector(loopback().withP2pServer("127.0.0.1:28800"), network);
        Recorder r = new Recorder() {
            @Override
            public void onEnded(FailureReason reason, String detail) {
                super.onEnded(reason, detail);
                throw new IllegalStateException("handler bug");
            }
        };
        connector.open(request("", FakePeers.TOKEN), r);
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());

        assertThat(r.reason).isEqualTo(FailureReason.INTERNAL);
        assertThat(r.ends.get(0)).contains("bug");
    }

    @Test
    void malformedServerOverridesAreServerUnreachableAndNameTheValue() {
        for (String bad : List.of("127.0.0.1", "127.0.0.1:0", "127.0.0.1:http")) {
            SessionConnector connector = connector(loopback().withP2pServer(bad), network(new byte[0]));
            Recorder r = new Recorder();
            connector.open(request("", FakePeers.TOKEN), r);
            await().atMost(WAIT).until(() -> !r.ends.isEmpty());

            assertThat(r.reason).as(bad).isEqualTo(FailureReason.SERVER_UNREACHABLE);
            assertThat(r.ends.get(0)).as(bad).contains(bad);
        }
    }

    @Test
    void aHostNameOverrideIsResolved() {
        byte[] h264 = new byte[300];
        FakeNetwork network = network(h264);
        SessionConnector connector = connector(loopback().withP2pServer("localhost:28800"), network);
        Recorder r = new Recorder();
        StreamConnection c = connector.open(request("127.0.0.1", FakePeers.TOKEN), r);
        await().atMost(WAIT).until(() -> r.videoSize() == 300);
        c.close();
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());

        assertThat(r.reason).isNull();
        assertThat(c.stats().h264Bytes()).isEqualTo(300);
    }

    @Test
    void closingAtOnceEndsWithoutAFailure() {
        SessionConnector connector = connector(loopback().withP2pServer("127.0.0.1:28800"), network(new byte[0]));
        Recorder r = new Recorder();
        connector.open(request("", FakePeers.TOKEN), r).close();
        await().atMost(WAIT).until(() -> !r.ends.isEmpty());

        assertThat(r.reason).isNull();
        assertThat(r.ends).containsExactly("closed");
    }
}
