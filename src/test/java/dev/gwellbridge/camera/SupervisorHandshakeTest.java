package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One session set-up at a time across cameras, staggered. */
class SupervisorHandshakeTest {
    private static final CameraInfo A = Fakes.camera("00000000000A", "Alpha");
    private static final CameraInfo B = Fakes.camera("00000000000B", "Bravo");
    private static final CameraInfo C = Fakes.camera("00000000000C", "Charlie");

    @Test
    void twoCamerasStartedTogetherSetUpFifteenSecondsApart() {
        Harness h = new Harness(Harness.always(), A, B).start();
        assertThat(h.sessions(A)).isEqualTo(1);
        assertThat(h.sessions(B)).isZero();
        assertThat(h.supervisor.handshakeQueueDepth()).isEqualTo(1);
        assertThat(h.state(B).status()).isEqualTo(CameraStatus.STARTING);
        assertThat(h.state(B).message()).contains("Waiting for its turn");

        h.advance(Duration.ofSeconds(2));
        h.streams(A);
        h.nextSession(B, Duration.ofMinutes(1));

        assertThat(h.session(A).openedAt).isEqualTo(Harness.T0);
        assertThat(h.session(B).openedAt).isEqualTo(Harness.T0.plusSeconds(15));
        assertThat(h.supervisor.handshakeQueueDepth()).isZero();
    }

    @Test
    void theNextSetUpWaitsForTheCurrentOneToFinish() {
        Harness h = new Harness(Harness.always(), A, B).start();
        h.advance(Duration.ofSeconds(40));
        assertThat(h.sessions(B)).as("A is still setting up").isZero();

        h.streams(A);

        assertThat(h.sessions(B)).isEqualTo(1);
        assertThat(h.session(B).openedAt).isEqualTo(Harness.T0.plusSeconds(40));
    }

    @Test
    void aFailedSetUpAlsoFreesTheSlotButTheStaggerStillHolds() {
        Harness h = new Harness(Harness.always(), A, B, C).start();
        h.advance(Duration.ofSeconds(1));
        h.fails(A, FailureReason.RELAY_ONLY);
        h.nextSession(B, Duration.ofMinutes(1));
        h.streams(B);
        h.nextSession(C, Duration.ofMinutes(1));

        assertThat(List.of(h.session(B).openedAt, h.session(C).openedAt))
                .containsExactly(Harness.T0.plusSeconds(15), Harness.T0.plusSeconds(30));
    }

    @Test
    void theStaggerIsConfigurable() {
        SupervisorSettings s = Harness.always();
        s = new SupervisorSettings(
                s.mode(),
                s.quality(),
                Duration.ofSeconds(3),
                s.deadman(),
                s.idleTimeout(),
                s.snapshotInterval(),
                List.of());
        Harness h = new Harness(s, A, B).start();
        h.streams(A);
        h.nextSession(B, Duration.ofMinutes(1));
        assertThat(h.session(B).openedAt).isEqualTo(Harness.T0.plusSeconds(3));
    }
}
