package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** On-demand cameras start for viewers (and wake snapshots) and stop after the idle timeout. */
class SupervisorOnDemandTest {
    private static final CameraInfo CAM = Fakes.camera("0A1B2C3D4E5F", "Nursery");

    private final Harness h = new Harness(Harness.onDemand(), CAM).start();

    @Test
    void staysIdleWithoutViewers() {
        h.advance(Duration.ofHours(1));
        assertThat(h.sessions(CAM)).isZero();
        CameraState s = h.state(CAM);
        assertThat(s.status()).isEqualTo(CameraStatus.IDLE);
        assertThat(s.streamOn()).isTrue();
        assertThat(s.mode()).isEqualTo(StreamMode.ON_DEMAND);
        assertThat(s.message()).isEqualTo("Waiting for a viewer.");
    }

    @Test
    void aViewerStartsASessionThatStopsAfterTheIdleTimeout() {
        h.advance(Duration.ofSeconds(7));
        h.supervisor.viewerActive(CAM.id());
        h.clock.runDue();
        assertThat(h.sessions(CAM)).isEqualTo(1);
        h.streams(CAM);

        // The viewer keeps watching for five minutes.
        for (int i = 0; i < 10; i++) {
            h.video(CAM, 800);
            h.advance(Duration.ofSeconds(30));
            h.supervisor.viewerActive(CAM.id());
        }
        assertThat(h.session(CAM).closed).isFalse();
        Instant lastViewer = h.now();

        // Video keeps flowing (so the deadman stays quiet) but nobody watches any more.
        Fakes.Connector.Session s = h.session(CAM);
        while (!s.closed && h.now().isBefore(lastViewer.plusSeconds(300))) {
            h.video(CAM, 800);
            h.advance(Duration.ofSeconds(1));
        }
        assertThat(Duration.between(lastViewer, h.now())).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(125));
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.IDLE);
        assertThat(h.media.last().closed).isTrue();
        assertThat(h.heard.events(CAM.id())).contains(new CameraEvent.StreamStopped(h.now(), "idle"));

        h.advance(Duration.ofHours(1));
        assertThat(h.sessions(CAM)).isEqualTo(1);
    }

    @Test
    void theIdleTimeoutAlsoEndsRetriesWithoutViewers() {
        h.supervisor.viewerActive(CAM.id());
        h.clock.runDue();
        h.fails(CAM, FailureReason.RELAY_ONLY);
        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.RELAY_ONLY);
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.BACKOFF);

        h.advance(Duration.ofMinutes(10));
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.IDLE);
        int sessions = h.sessions(CAM);
        h.advance(Duration.ofHours(1));
        assertThat(h.sessions(CAM)).isEqualTo(sessions);
    }

    @Test
    void viewersAreRefusedWhileTheStreamIsSwitchedOff() {
        h.command(CAM, new CameraCommand.Stop());
        h.supervisor.viewerActive(CAM.id());
        h.advance(Duration.ofMinutes(1));
        assertThat(h.sessions(CAM)).isZero();
    }

    @Test
    void aWakeSnapshotBringsUpASessionOnlyUntilTheSnapshotIsTaken() {
        var f = h.supervisor.command(CAM.id(), new CameraCommand.Snapshot(true));
        h.clock.runDue();
        assertThat(h.sessions(CAM)).isEqualTo(1);
        assertThat(f).isNotDone();

        h.advance(Duration.ofSeconds(4));
        h.streams(CAM);

        assertThat(f.getNow(null).ok()).isTrue();
        assertThat(h.heard.snapshots).containsExactly(CAM.id());
        assertThat(h.session(CAM).closed).isTrue();
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.IDLE);
    }

    @Test
    void aWakeSnapshotFailsWithTheSessionsReason() {
        var f = h.supervisor.command(CAM.id(), new CameraCommand.Snapshot(true));
        h.clock.runDue();
        h.fails(CAM, FailureReason.CAMERA_UNREACHABLE);

        assertThat(f.getNow(null).reason()).isEqualTo("camera_unreachable");
        assertThat(h.state(CAM).status()).as("nobody wants a session any more").isEqualTo(CameraStatus.OFFLINE);
        h.advance(Duration.ofHours(1));
        assertThat(h.sessions(CAM)).isEqualTo(1);
    }

    @Test
    void restartStartsAnOnDemandSessionLikeAViewer() {
        assertThat(h.command(CAM, new CameraCommand.Restart(false)).ok()).isTrue();
        assertThat(h.sessions(CAM)).isEqualTo(1);
    }

    @Test
    void startDoesNotStartAnOnDemandSessionByItself() {
        h.command(CAM, new CameraCommand.Stop());
        h.command(CAM, new CameraCommand.Start());
        h.advance(Duration.ofMinutes(1));
        assertThat(h.sessions(CAM)).isZero();
        assertThat(h.state(CAM).streamOn()).isTrue();
    }
}
