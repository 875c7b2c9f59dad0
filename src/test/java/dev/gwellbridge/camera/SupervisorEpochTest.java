package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Callbacks of a torn-down session never reach the newer one. */
class SupervisorEpochTest {
    private static final CameraInfo CAM = Fakes.camera("0A1B2C3D4E5F", "Front Door");

    @Test
    void aStaleSessionCannotPublishVideoStateOrEventsAfterARestart() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.streams(CAM);
        h.video(CAM, 100);
        Fakes.Connector.Session old = h.session(CAM);
        Fakes.Media.Output oldOutput = h.media.last();
        assertThat(oldOutput.bytes.get()).isEqualTo(100);

        h.advance(Duration.ofSeconds(20));
        assertThat(h.command(CAM, new CameraCommand.Restart(false)).ok()).isTrue();
        assertThat(old.closed).isTrue();
        assertThat(oldOutput.closed).isTrue();
        assertThat(h.sessions(CAM)).as("re-queued; the stagger has passed").isEqualTo(2);
        h.streams(CAM);
        Fakes.Media.Output newOutput = h.media.last();
        assertThat(newOutput).isNotSameAs(oldOutput);

        int statesBefore = h.heard.states.size();
        List<String> eventsBefore = h.heard.types(CAM.id());
        CameraState before = h.state(CAM);

        old.handler.onVideo(new byte[300], 0, 300);
        old.handler.onPhase("certify");
        old.handler.onStreaming(Transport.TCP_RELAY);
        old.handler.onEnded(FailureReason.CAMERA_UNREACHABLE, "late");
        h.clock.runDue();

        assertThat(newOutput.bytes.get()).isZero();
        assertThat(oldOutput.bytes.get()).isEqualTo(100);
        assertThat(h.heard.types(CAM.id())).isEqualTo(eventsBefore);
        assertThat(h.heard.states).hasSize(statesBefore);
        CameraState after = h.state(CAM);
        assertThat(after.status()).isEqualTo(CameraStatus.STREAMING);
        assertThat(after.transport()).isEqualTo(Transport.LAN_UDP);
        assertThat(after.available()).isTrue();
        assertThat(after).isEqualTo(before);
        assertThat(h.session(CAM).closed).isFalse();

        h.video(CAM, 40);
        assertThat(newOutput.bytes.get()).isEqualTo(40);
    }

    @Test
    void aSessionEndingAfterStopChangesNothing() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.streams(CAM);
        Fakes.Connector.Session old = h.session(CAM);
        h.command(CAM, new CameraCommand.Stop());
        CameraState stopped = h.state(CAM);

        old.handler.onEnded(FailureReason.AUTH, "late");
        h.advance(Duration.ofMinutes(30));

        assertThat(h.sessions(CAM)).isEqualTo(1);
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.IDLE);
        assertThat(h.state(CAM).reason()).isNull();
        assertThat(stopped.status()).isEqualTo(CameraStatus.IDLE);
        assertThat(h.account.calls).hasSize(1);
    }

    @Test
    void videoBeforeTheStreamingReportIsKeptForTheMediaOutput() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.video(CAM, 10);
        assertThat(h.media.outputs).isEmpty();
        h.streams(CAM);
        h.video(CAM, 10);
        assertThat(h.media.last().bytes.get()).isEqualTo(20);
    }
}
