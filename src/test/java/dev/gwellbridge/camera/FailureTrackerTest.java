package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FailureTrackerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final FailureTracker t = new FailureTracker(new BackoffPolicy(new SplittableRandom(5)));

    @Test
    void aFirstAuthFailureRetriesAtOnceWithAFreshCredentialWithoutCounting() {
        FailureTracker.Next n = t.failed(FailureReason.AUTH, false, NOW, null);
        assertThat(n.freshNow()).isTrue();
        assertThat(t.failures()).isZero();
        assertThat(t.takeFresh()).isTrue();
        assertThat(t.takeFresh()).as("only once").isFalse();

        FailureTracker.Next again = t.failed(FailureReason.AUTH, true, NOW, null);
        assertThat(again.freshNow()).isFalse();
        assertThat(t.failures()).isEqualTo(1);
        assertThat(again.delay().toMillis()).isBetween(9_000L, 11_000L);
    }

    @Test
    void theCloudsRetryAfterWinsWhenLater() {
        FailureTracker.Next n = t.failed(FailureReason.RATE_LIMITED, false, NOW, NOW.plusSeconds(600));
        assertThat(n.delay()).isEqualTo(Duration.ofMinutes(10));
        FailureTracker.Next m = t.failed(FailureReason.RATE_LIMITED, false, NOW, NOW.plusSeconds(1));
        assertThat(m.delay().toMillis()).isBetween(27_000L, 33_000L);
    }

    @Test
    void theErrorIsAnnouncedOncePerEntry() {
        int announced = 0;
        for (int i = 0; i < 12; i++) {
            announced += t.failed(FailureReason.RELAY_ONLY, false, NOW, null).enteredError() ? 1 : 0;
        }
        assertThat(announced).isEqualTo(1);
        assertThat(t.inError()).isTrue();

        t.streaming();
        assertThat(t.failed(FailureReason.RELAY_ONLY, false, NOW, null).enteredError())
                .as("a short stream in between, then back to error: news again")
                .isTrue();
    }

    @Test
    void onlyAStableStreamEndsTheStreak() {
        t.failed(FailureReason.RELAY_ONLY, false, NOW, null);
        t.failed(FailureReason.RELAY_ONLY, false, NOW, null);
        t.streamEnded(NOW, NOW.plusSeconds(59));
        assertThat(t.failures()).isEqualTo(2);
        t.streamEnded(NOW, NOW.plusSeconds(60));
        assertThat(t.failures()).isZero();
    }

    @Test
    void discoveryIsInvalidatedOnEveryThirdStraightServerOrAccountFailure() {
        assertThat(t.countForDiscovery(FailureReason.SERVER_UNREACHABLE)).isFalse();
        assertThat(t.countForDiscovery(FailureReason.AUTH)).isFalse();
        assertThat(t.countForDiscovery(FailureReason.DEVICE_NOT_FOUND)).isTrue();
        assertThat(t.countForDiscovery(FailureReason.SERVER_UNREACHABLE)).isFalse();
        assertThat(t.countForDiscovery(FailureReason.CAMERA_UNREACHABLE)).isFalse();
        assertThat(t.countForDiscovery(FailureReason.SERVER_UNREACHABLE)).isFalse();
        assertThat(t.countForDiscovery(FailureReason.SERVER_UNREACHABLE)).isFalse();
        assertThat(t.countForDiscovery(FailureReason.SERVER_UNREACHABLE)).isTrue();
    }
}
