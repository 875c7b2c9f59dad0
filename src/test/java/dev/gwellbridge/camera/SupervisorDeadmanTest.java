package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadman (no H.264 for a while ends the session) and the set-up timeout. */
class SupervisorDeadmanTest {
    private static final CameraInfo CAM = Fakes.camera("0A1B2C3D4E5F", "Porch");

    @Test
    void noVideoForTwoMinutesEndsTheSessionWithinOneCheckAndReconnectsThroughTheBackoff() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.streams(CAM);
        h.advance(Duration.ofSeconds(33));
        h.video(CAM, 500);
        Instant lastVideo = h.now();
        Fakes.Connector.Session first = h.session(CAM);

        h.clock.advanceUntil(() -> first.closed, Duration.ofMinutes(5));

        Duration silent = Duration.between(lastVideo, h.now());
        assertThat(silent).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(125));
        assertThat(h.media.last().closed).isTrue();
        CameraState s = h.state(CAM);
        assertThat(s.status()).isEqualTo(CameraStatus.BACKOFF);
        assertThat(s.reason()).isEqualTo(FailureReason.STREAM_STALLED);
        assertThat(h.heard.events(CAM.id()))
                .filteredOn(e -> e instanceof CameraEvent.StreamStopped)
                .singleElement()
                .isEqualTo(new CameraEvent.StreamStopped(h.now(), "stream_stalled"));

        Instant stalledAt = h.now();
        Duration toNext = Duration.between(stalledAt, h.nextSession(CAM, Duration.ofMinutes(1)));
        assertThat(toNext.toMillis()).isBetween(9_000L, 11_000L);
    }

    @Test
    void steadyVideoKeepsTheSessionUp() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.streams(CAM);
        for (int i = 0; i < 40; i++) {
            h.video(CAM, 1200);
            h.advance(Duration.ofSeconds(30));
        }
        assertThat(h.session(CAM).closed).isFalse();
        assertThat(h.sessions(CAM)).isEqualTo(1);
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.STREAMING);
    }

    @Test
    void theDefaultDeadmanIsTwoMinutes() {
        SupervisorSettings d = SupervisorSettings.DEFAULTS;
        assertThat(d.deadman()).isEqualTo(Duration.ofMinutes(2));
        Harness h = new Harness(
                        new SupervisorSettings(
                                StreamMode.ALWAYS,
                                d.quality(),
                                d.handshakeStagger(),
                                d.deadman(),
                                d.idleTimeout(),
                                Duration.ZERO,
                                List.of()),
                        CAM)
                .start();
        h.streams(CAM);
        h.video(CAM, 800);
        Instant lastVideo = h.now();
        Fakes.Connector.Session first = h.session(CAM);

        h.clock.advanceUntil(() -> first.closed, Duration.ofMinutes(5));

        assertThat(Duration.between(lastVideo, h.now())).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(125));
        assertThat(h.state(CAM).reason()).isEqualTo(FailureReason.STREAM_STALLED);
    }

    @Test
    void theDeadmanIsConfigurable() {
        SupervisorSettings s = Harness.always();
        s = new SupervisorSettings(
                s.mode(),
                s.quality(),
                s.handshakeStagger(),
                Duration.ofSeconds(30),
                s.idleTimeout(),
                s.snapshotInterval(),
                List.of());
        Harness h = new Harness(s, CAM).start();
        h.streams(CAM);
        Instant since = h.now();
        Fakes.Connector.Session first = h.session(CAM);
        h.clock.advanceUntil(() -> first.closed, Duration.ofMinutes(2));
        assertThat(Duration.between(since, h.now())).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(35));
    }

    @Test
    void aSetUpThatNeverFinishesIsAbandonedAndFreesTheHandshakeSlot() {
        CameraInfo other = Fakes.camera("AABBCCDDEEFF", "Yard");
        Harness h = new Harness(Harness.always(), CAM, other).start();
        Fakes.Connector.Session stuck = h.session(CAM);
        assertThat(h.sessions(other)).isZero();

        h.clock.advanceUntil(() -> stuck.closed, Duration.ofMinutes(4));

        assertThat(Duration.between(Harness.T0, h.now()))
                .isBetween(Watchdog.SETUP_TIMEOUT, Watchdog.SETUP_TIMEOUT.plusSeconds(5));
        assertThat(h.state(CAM).reason()).isEqualTo(FailureReason.INTERNAL);
        assertThat(h.state(CAM).message()).contains("last phase: connect");
        h.clock.runDue();
        assertThat(h.sessions(other)).isEqualTo(1);
    }
}
