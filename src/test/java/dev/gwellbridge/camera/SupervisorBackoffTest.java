package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-camera backoff schedule, the error state and its slow retries, on a virtual clock. */
class SupervisorBackoffTest {
    private static final CameraInfo CAM = Fakes.camera("0A1B2C3D4E5F", "Front Door");
    /** Each failing set-up takes this long, so the 15 s handshake stagger never delays a retry. */
    private static final Duration SETUP = Duration.ofSeconds(20);

    private final Harness h = new Harness(Harness.always(), CAM).start();

    /** Fails the current session after {@link #SETUP} and returns the delay until the next one opened. */
    private Duration failAndMeasure(FailureReason reason, Duration limit) {
        h.advance(SETUP);
        h.fails(CAM, reason);
        Instant failedAt = h.now();
        return Duration.between(failedAt, h.nextSession(CAM, limit));
    }

    @Test
    void retriesAfterTenThirtySixtyOneTwentyThenEveryFiveMinutesJittered() {
        long[] expected = {10, 30, 60, 120, 300, 300, 300, 300, 300};
        List<Duration> measured = new ArrayList<>();
        for (long base : expected) {
            Duration d = failAndMeasure(FailureReason.RELAY_ONLY, Duration.ofMinutes(10));
            assertThat(d.toMillis())
                    .as("delay after a failure, base %d s", base)
                    .isBetween(base * 900, base * 1100);
            measured.add(d);
        }
        assertThat(measured).anyMatch(d -> d.toMillis() % 1000 != 0);
    }

    @Test
    void showsBackoffWithTheReasonWhileWaiting() {
        h.advance(SETUP);
        h.fails(CAM, FailureReason.RELAY_ONLY);

        CameraState s = h.state(CAM);
        assertThat(s.status()).isEqualTo(CameraStatus.BACKOFF);
        assertThat(s.reason()).isEqualTo(FailureReason.RELAY_ONLY);
        assertThat(s.message()).startsWith(FailureReason.RELAY_ONLY.message()).contains("Next attempt in");
        assertThat(h.supervisor.handshakeQueueDepth()).isZero();

        h.nextSession(CAM, Duration.ofSeconds(12));
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.RECONNECTING);
    }

    @Test
    void tenStraightFailuresGiveErrorAndOneStreamFailedThenRetriesEveryFifteenMinutes() {
        for (int i = 1; i <= 9; i++) {
            failAndMeasure(FailureReason.NO_LAN_IP, Duration.ofMinutes(10));
        }
        assertThat(h.heard.types(CAM.id())).doesNotContain("stream_failed");

        Duration tenth = failAndMeasure(FailureReason.NO_LAN_IP, Duration.ofMinutes(20));
        assertThat(tenth.toMillis()).isBetween(15 * 60_000L * 9 / 10, 15 * 60_000L * 11 / 10);
        List<CameraEvent> failed = h.heard.events(CAM.id()).stream()
                .filter(e -> e instanceof CameraEvent.StreamFailed)
                .toList();
        assertThat(failed).hasSize(1);
        assertThat(((CameraEvent.StreamFailed) failed.get(0)).reason()).isEqualTo(FailureReason.NO_LAN_IP);

        h.advance(SETUP);
        h.fails(CAM, FailureReason.NO_LAN_IP);
        CameraState s = h.state(CAM);
        assertThat(s.status()).isEqualTo(CameraStatus.ERROR);
        assertThat(s.reason()).isEqualTo(FailureReason.NO_LAN_IP);
        assertThat(s.message()).contains("11 times in a row").contains("15 min");
        Instant failedAt = h.now();
        Duration eleventh = Duration.between(failedAt, h.nextSession(CAM, Duration.ofMinutes(20)));
        assertThat(eleventh.toMillis()).isBetween(15 * 60_000L * 9 / 10, 15 * 60_000L * 11 / 10);
        assertThat(h.heard.types(CAM.id()).stream().filter("stream_failed"::equals))
                .hasSize(1);
    }

    @Test
    void aStreamOfAMinuteEndsTheFailureStreakButAShortOneDoesNot() {
        failAndMeasure(FailureReason.RELAY_ONLY, Duration.ofMinutes(1));
        failAndMeasure(FailureReason.RELAY_ONLY, Duration.ofMinutes(1));
        // Third attempt streams briefly: the streak goes on (third step, 60 s).
        h.streams(CAM);
        h.advance(Duration.ofSeconds(5));
        h.fails(CAM, FailureReason.CAMERA_UNREACHABLE);
        Instant failedAt = h.now();
        assertThat(Duration.between(failedAt, h.nextSession(CAM, Duration.ofMinutes(2)))
                        .toMillis())
                .isBetween(54_000L, 66_000L);

        // Fourth attempt streams for over a minute: the streak restarts at the first step.
        h.streams(CAM);
        for (int i = 0; i < 7; i++) {
            h.video(CAM, 1000);
            h.advance(Duration.ofSeconds(10));
        }
        h.fails(CAM, FailureReason.CAMERA_UNREACHABLE);
        failedAt = h.now();
        assertThat(Duration.between(failedAt, h.nextSession(CAM, Duration.ofMinutes(2)))
                        .toMillis())
                .isBetween(9_000L, 11_000L);
    }
}
