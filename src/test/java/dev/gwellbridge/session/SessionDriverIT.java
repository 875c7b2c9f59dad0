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
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole client ({@link SessionConnector}, {@link SessionDriver}, real {@link SocketNetwork})
 * against the test peers on loopback UDP (and TCP for the relay-only camera).
 */
@Timeout(60)
class SessionDriverIT {
    private static final Logger LOG = LoggerFactory.getLogger(SessionDriverIT.class);

    /** Collects what one session reports. */
    static final class Collector implements StreamHandler {
        final ByteArrayOutputStream video = new ByteArrayOutputStream();
        final List<Transport> streaming = new CopyOnWriteArrayList<>();
        final List<String> ends = new CopyOnWriteArrayList<>();
        final long opened = System.nanoTime();
        volatile long firstVideo = -1;
        volatile boolean ended;

        @Override
        public void onStreaming(Transport transport) {
            streaming.add(transport);
        }

        @Override
        public synchronized void onVideo(byte[] data, int offset, int length) {
            if (firstVideo < 0) {
                firstVideo = System.nanoTime();
            }
            video.write(data, offset, length);
        }

        @Override
        public void onEnded(FailureReason reason, String detail) {
            ends.add(reason == null ? "closed" : reason.code());
            if (reason != null) {
                LOG.info("ended: {} {}", reason, detail);
            }
            ended = true;
        }

        synchronized int size() {
            return video.size();
        }

        synchronized byte[] bytes() {
            return video.toByteArray();
        }
    }

    private static StreamRequest request(String lanIp) {
        CameraInfo camera = new CameraInfo(CameraId.of(FakePeers.DEVICE_ID), "Porch", "GW_GC1", "", lanIp, true);
        return new StreamRequest(
                camera, new P2pCredential(FakePeers.ACCESS_ID, FakePeers.TOKEN, Instant.EPOCH), Quality.HD);
    }

    private static ConnectorSettings settings(LoopbackPeers peers) {
        return ConnectorSettings.DEFAULT
                .withP2pServer(peers.server.toString())
                .withLanFilter(LanFilter.defaults().allowingLoopback());
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void streamsAFewHundredKilobytesOverLoopbackByteForByteAndClosesCleanly() throws Exception {
        byte[] h264 = LanSessionTest.h264(400_000, 31);
        try (LoopbackPeers peers = new LoopbackPeers(p -> p.camera.setVideo(h264))) {
            SessionConnector connector = new SessionConnector(settings(peers), Thread::new);
            Collector c = new Collector();
            StreamConnection connection = connector.open(request("127.0.0.1"), c);
            await().atMost(Duration.ofSeconds(30)).until(() -> c.size() == h264.length);

            long firstByteMs = (c.firstVideo - c.opened) / 1_000_000;
            LOG.info("first H.264 byte {} ms after open; {} bytes byte-identical", firstByteMs, h264.length);
            assertThat(firstByteMs).isLessThan(5_000);
            assertThat(c.bytes()).isEqualTo(h264);
            assertThat(c.streaming).containsExactly(Transport.LAN_UDP);
            // The figures are a snapshot refreshed every 100 ms.
            await().until(() -> connection.stats().h264Bytes() == h264.length);
            assertThat(connection.stats().transport()).isEqualTo(Transport.LAN_UDP);
            assertThat(threadAlive("udp-rx-" + FakePeers.DEVICE_ID)).isTrue();

            connection.close();
            await().until(() -> c.ended);
            assertThat(c.ends).containsExactly("closed");
            await().until(() ->
                    !threadAlive("session-" + FakePeers.DEVICE_ID) && !threadAlive("udp-rx-" + FakePeers.DEVICE_ID));
        }
    }

    @Test
    void aRelayOnlyCameraStreamsOverTheServersTcpPort() throws Exception {
        byte[] h264 = LanSessionTest.h264(100_000, 32);
        try (LoopbackPeers peers = new LoopbackPeers(p -> {
            p.camera.setVideo(h264);
            p.server.relayOnly = true;
        })) {
            SessionConnector connector = new SessionConnector(settings(peers), Thread::new);
            Collector c = new Collector();
            StreamConnection connection = connector.open(request(""), c);
            await().atMost(Duration.ofSeconds(30)).until(() -> c.size() == h264.length);

            assertThat(c.bytes()).isEqualTo(h264);
            assertThat(c.streaming).containsExactly(Transport.TCP_RELAY);
            connection.close();
            await().until(() -> c.ended);
        }
    }
}
