package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Transport;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SessionDriver} on an in-memory network and a virtual clock: real threads, no sockets, no
 * waiting for time to pass.
 */
@Timeout(30)
class SessionDriverTest {

    private static final class Run {
        final FakeNetwork network;
        final VirtualClock clock;
        final List<SessionEvent> events = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream video = new ByteArrayOutputStream();
        final SessionDriver driver;
        final FakeNetwork.Port port;
        CompletableFuture<SessionEvent.Ended> result;

        Run(byte[] h264, SessionConfig.Builder config) {
            this(h264, config, p -> {});
        }

        Run(byte[] h264, SessionConfig.Builder config, java.util.function.Consumer<FakePeers> world) {
            network = new FakeNetwork(n -> {
                FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
                peers.camera.setVideo(h264);
                world.accept(peers);
                return peers;
            });
            clock = new VirtualClock(Harness.START, network);
            port = openPort(network);
            SessionMachine machine =
                    new SessionMachine(config.localPort(port.localPort()).build(), Harness.entropy(21));
            driver = new SessionDriver(machine, port, network, clock, network.threads(), FakePeers.DEVICE_ID, e -> {
                events.add(e);
                if (e instanceof SessionEvent.Video v) {
                    synchronized (video) {
                        video.write(v.buffer(), v.offset(), v.length());
                    }
                }
            });
        }

        private static FakeNetwork.Port openPort(FakeNetwork network) {
            try {
                return (FakeNetwork.Port) network.openUdp();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Runs the driver on a thread that drives the world of the port opened above. */
        Run start() {
            result = new CompletableFuture<>();
            Thread t = new Thread(() -> result.complete(driver.run()), "session-test");
            network.bind(t, port);
            t.start();
            return this;
        }

        int videoSize() {
            synchronized (video) {
                return video.size();
            }
        }
    }

    @Test
    void aSendThatFailsOnceDoesNotPoisonTheSendsAfterIt() throws Exception {
        byte[] h264 = LanSessionTest.h264(30_000, 5);
        Run run = new Run(h264, Harness.lanConfig());
        run.network.failSends.set(1);
        run.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> run.videoSize() == h264.length);

        // The CertifyReq was lost to the failure; the first read timed out after 5 s, the fallback
        // went out, and every send after it worked.
        List<Harness.Sent> sent = run.port.sent;
        assertThat(sent.get(0).at() - Harness.START).isEqualTo(5_000);
        assertThat(run.driver.stats().sendFailures()).isEqualTo(1);
        assertThat(run.port.world.server.certifyChecks).hasSize(1);
        synchronized (run.video) {
            assertThat(run.video.toByteArray()).isEqualTo(h264);
        }
        assertThat(run.events).contains(new SessionEvent.Streaming(Transport.LAN_UDP));
        run.driver.close();
        assertThat(run.result.get().reason()).isNull();
    }

    @Test
    void closeEndsTheSessionClosesThePortAndStopsTheReceiveThread() throws Exception {
        Run run = new Run(new byte[0], Harness.lanConfig()).start();
        await().until(() -> run.events.stream().anyMatch(e -> e instanceof SessionEvent.Streaming));
        run.driver.close();

        SessionEvent.Ended end = run.result.get();
        assertThat(end.reason()).isNull();
        assertThat(run.port.closed).isTrue();
        assertThat(run.events).last().isEqualTo(end);
        await().until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("udp-rx-" + FakePeers.DEVICE_ID)));
    }

    @Test
    void aFailureEndsTheRunWithItsReason() throws Exception {
        Run run = new Run(new byte[0], Harness.lanConfig());
        run.port.world.server.sendDeviceList = false;
        run.start();

        SessionEvent.Ended end = run.result.get();
        assertThat(end.reason()).isEqualTo(FailureReason.DEVICE_NOT_FOUND);
        assertThat(run.port.closed).isTrue();
        assertThat(run.driver.stats().packetsIn()).isPositive();
    }

    @Test
    void aConsumerThatThrowsDoesNotStopTheSession() throws Exception {
        byte[] h264 = LanSessionTest.h264(5_000, 6);
        FakeNetwork network = new FakeNetwork(n -> {
            FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
            peers.camera.setVideo(h264);
            return peers;
        });
        VirtualClock clock = new VirtualClock(Harness.START, network);
        List<SessionEvent> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<SessionEvent.Ended> result = new CompletableFuture<>();
        SessionDriver[] driver = new SessionDriver[1];
        Thread t = new Thread(() -> {
            UdpPort port = Run.openPort(network);
            SessionMachine machine = new SessionMachine(
                    Harness.lanConfig().localPort(port.localPort()).build(), Harness.entropy(3));
            driver[0] = new SessionDriver(machine, port, network, clock, network.threads(), FakePeers.DEVICE_ID, e -> {
                seen.add(e);
                if (e instanceof SessionEvent.Video) {
                    throw new IllegalStateException("consumer bug");
                }
            });
            result.complete(driver[0].run());
        });
        t.start();
        await().until(() ->
                seen.stream().filter(SessionEvent.Video.class::isInstance).count() >= 5);
        driver[0].close();

        assertThat(result.get().reason()).isNull();
    }

    @Test
    void aRelayOnlyCameraStreamsOverTheTcpRelayAndSurvivesItsHangUp() throws Exception {
        byte[] h264 = LanSessionTest.h264(400_000, 9);
        Run run = new Run(h264, Harness.lanConfig().cameraLanIp(null), p -> {
            p.server.relayOnly = true;
            p.camera.chunk = 200;
        });
        run.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> run.videoSize() > 20_000);
        run.port.links.values().forEach(FakeNetwork.Link::hangUp);
        await().atMost(Duration.ofSeconds(20)).until(() -> run.videoSize() == h264.length);

        assertThat(run.events)
                .contains(new SessionEvent.TransportChosen(Transport.TCP_RELAY))
                .contains(new SessionEvent.Streaming(Transport.TCP_RELAY));
        assertThat(run.network.tcpAttempts.get()).isEqualTo(2);
        synchronized (run.video) {
            assertThat(run.video.toByteArray()).isEqualTo(h264);
        }
        assertThat(run.driver.stats().transport()).isEqualTo(Transport.TCP_RELAY);
        run.driver.close();
        assertThat(run.result.get().reason()).isNull();
    }

    @Test
    void theSystemClockIsWallClockBasedAndPollsWithoutWaitingPastTheDeadline() throws Exception {
        DriverClock clock = DriverClock.system();
        long before = System.currentTimeMillis();
        long now = clock.now();
        java.util.concurrent.BlockingQueue<String> q = new java.util.concurrent.LinkedBlockingQueue<>();

        assertThat(now).isBetween(before - 1_000, before + 1_000);
        assertThat(clock.poll(q, now - 1)).isNull();
        q.add("x");
        assertThat(clock.poll(q, clock.now() + 60_000)).isEqualTo("x");
        assertThat(clock.now()).isGreaterThanOrEqualTo(now);
    }
}
