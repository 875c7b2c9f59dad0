package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a streaming camera looks like: media wiring, live figures, periodic snapshots. */
class SupervisorStreamingTest {
    private static final CameraInfo CAM = Fakes.camera("0A1B2C3D4E5F", "Front Door");

    @Test
    void streamingOpensTheMediaOutputAndForwardsEveryVideoChunk() {
        Harness h = new Harness(Harness.always(), CAM).start();
        assertThat(h.media.outputs).isEmpty();
        h.streams(CAM);

        Fakes.Media.Output out = h.media.last();
        assertThat(out.slug).isEqualTo("front_door");
        assertThat(out.camera.id()).isEqualTo(CAM.id());
        for (int i = 0; i < 25; i++) {
            h.video(CAM, 1400);
        }
        assertThat(out.offers.get()).isEqualTo(25);
        assertThat(out.bytes.get()).isEqualTo(25 * 1400);
        assertThat(h.heard.events(CAM.id()))
                .containsExactly(new CameraEvent.StreamStarted(Harness.T0, Transport.LAN_UDP));
    }

    @Test
    void theStateCarriesTransportAndLiveFigures() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.advance(Duration.ofSeconds(3));
        h.streams(CAM);
        Instant since = h.now();
        h.video(CAM, 5000);
        h.advance(Duration.ofSeconds(7));

        CameraState s = h.state(CAM);
        assertThat(s.status()).isEqualTo(CameraStatus.STREAMING);
        assertThat(s.transport()).isEqualTo(Transport.LAN_UDP);
        assertThat(s.message()).isEqualTo("Streaming over the LAN (lan_udp).");
        CameraStats st = s.stats();
        assertThat(st.streamSince()).isEqualTo(since);
        assertThat(st.bytes()).isEqualTo(5000);
        assertThat(st.fps()).isEqualTo(20);
        assertThat(st.bitrateKbps()).isEqualTo(1000);
        assertThat(st.lastFrameAgeSeconds()).isBetween(0.0, 7.0);
        assertThat(st.reconnects()).isZero();
    }

    @Test
    void reconnectsCountSessionsAfterTheFirst() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.streams(CAM);
        h.advance(Duration.ofSeconds(20));
        h.fails(CAM, FailureReason.CAMERA_UNREACHABLE);
        h.nextSession(CAM, Duration.ofMinutes(1));
        h.streams(CAM);
        assertThat(h.state(CAM).stats().reconnects()).isEqualTo(1);
        assertThat(h.heard.types(CAM.id()))
                .containsExactly("stream_started", "stream_stopped", "went_offline", "came_online", "stream_started");
    }

    @Test
    void periodicSnapshotsWhileStreaming() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.streams(CAM);
        for (int i = 0; i < 25 * 6; i++) {
            h.video(CAM, 100);
            h.advance(Duration.ofSeconds(10));
        }
        // 25 minutes: one shortly after the start, then at 10 and 20 minutes.
        assertThat(h.heard.snapshots).hasSize(3);
        assertThat(h.supervisor.latestSnapshot(CAM.id())).isPresent();
    }

    @Test
    void periodicSnapshotsCanBeTurnedOff() {
        SupervisorSettings d = Harness.always();
        SupervisorSettings off = new SupervisorSettings(
                d.mode(), d.quality(), d.handshakeStagger(), d.deadman(), d.idleTimeout(), Duration.ZERO, List.of());
        Harness h = new Harness(off, CAM).start();
        h.streams(CAM);
        for (int i = 0; i < 6 * 15; i++) {
            h.video(CAM, 100);
            h.advance(Duration.ofSeconds(10));
        }
        assertThat(h.heard.snapshots).isEmpty();
    }

    @Test
    void aMediaOutputThatCannotStartIsAMediaFailure() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.media.openFailure = new IllegalStateException("ffmpeg missing");
        h.streams(CAM);
        assertThat(h.session(CAM).closed).isTrue();
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.BACKOFF);
        assertThat(h.state(CAM).reason()).isEqualTo(FailureReason.MEDIA);
    }

    @Test
    void shutdownClosesSessionsAndOutputs() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.streams(CAM);
        var done = h.supervisor.shutdown();
        h.clock.runDue();
        assertThat(done).isDone();
        assertThat(h.session(CAM).closed).isTrue();
        assertThat(h.media.last().closed).isTrue();
        assertThat(h.run(h.supervisor.command(CAM.id(), new CameraCommand.Start()))
                        .reason())
                .isEqualTo("shutting_down");
        h.advance(Duration.ofHours(1));
        assertThat(h.sessions(CAM)).isEqualTo(1);
    }
}
