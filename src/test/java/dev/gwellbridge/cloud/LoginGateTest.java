package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LoginGateTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final LoginGate gate = new LoginGate(clock, new SplittableRandom(3), null, 0);

    private static CloudException failure(CloudReason reason) {
        return new CloudException(reason, "failed: " + reason.code() + ".", null);
    }

    @Test
    void transientFailuresSpaceAutomaticLoginsByAtLeastThirtySecondsThenRetry() {
        gate.failure(failure(CloudReason.CLOUD_UNREACHABLE));

        CloudException blocked = catchThrowableOfType(CloudException.class, () -> gate.check(true));
        assertThat(blocked.reason()).isEqualTo(CloudReason.CLOUD_UNREACHABLE);
        assertThat(Duration.between(clock.instant(), blocked.retryAfter().orElseThrow()))
                .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(36));

        clock.advance(Duration.ofSeconds(36));
        assertThat(catchThrowableOfType(CloudException.class, () -> gate.check(true)))
                .isNull();
    }

    @Test
    void badCredentialsSuspendAutomaticLoginsButNotAManualOneAfterTheGap() {
        gate.failure(failure(CloudReason.BAD_CREDENTIALS));
        clock.advance(Duration.ofDays(1));

        CloudException automatic = catchThrowableOfType(CloudException.class, () -> gate.check(true));
        assertThat(automatic.reason()).isEqualTo(CloudReason.BAD_CREDENTIALS);
        assertThat(automatic.getMessage()).contains("paused");
        assertThat(catchThrowableOfType(CloudException.class, () -> gate.check(false)))
                .isNull();

        gate.success();
        assertThat(catchThrowableOfType(CloudException.class, () -> gate.check(true)))
                .isNull();
    }

    @Test
    void aFailedTestOfOtherCredentialsSpacesLoginsButPausesNothing() {
        gate.failure(failure(CloudReason.BAD_CREDENTIALS), false);

        CloudException soon = catchThrowableOfType(CloudException.class, () -> gate.check(true));
        assertThat(soon.reason()).isEqualTo(CloudReason.RATE_LIMITED);
        clock.advance(Duration.ofDays(1));
        assertThat(catchThrowableOfType(CloudException.class, () -> gate.check(true)))
                .isNull();
    }

    @Test
    void lockOutWaitsAtLeastFifteenMinutesEvenForManualLogins() {
        gate.failure(failure(CloudReason.TOO_MANY_ATTEMPTS));
        clock.advance(Duration.ofMinutes(14));

        CloudException manual = catchThrowableOfType(CloudException.class, () -> gate.check(false));
        assertThat(manual.reason()).isEqualTo(CloudReason.RATE_LIMITED);

        clock.advance(Duration.ofMinutes(1));
        assertThat(catchThrowableOfType(CloudException.class, () -> gate.check(false)))
                .isNull();
    }

    @Test
    void persistedBackoffIsHonouredAfterARestart() {
        LoginGate restored =
                new LoginGate(clock, new SplittableRandom(3), clock.instant().plusSeconds(90), 2);

        assertThat(restored.notBefore()).contains(clock.instant().plusSeconds(90));
        assertThat(catchThrowableOfType(CloudException.class, () -> restored.check(false))
                        .reason())
                .isEqualTo(CloudReason.RATE_LIMITED);
        restored.failure(failure(CloudReason.CLOUD_UNREACHABLE));
        assertThat(restored.failures()).isEqualTo(3);
        assertThat(Duration.between(clock.instant(), restored.notBefore().orElseThrow()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(2));
    }
}
