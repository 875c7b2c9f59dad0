package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    @Test
    void stepsAreTenThirtySixtyOneTwentyThenCappedAtFiveMinutes() {
        long[] expected = {10, 30, 60, 120, 300, 300, 300, 300, 300};
        for (int n = 1; n <= expected.length; n++) {
            assertThat(BackoffPolicy.base(n)).as("failure %d", n).isEqualTo(Duration.ofSeconds(expected[n - 1]));
        }
    }

    @Test
    void tenStraightFailuresMeanErrorWithFifteenMinuteRetries() {
        assertThat(BackoffPolicy.isError(9)).isFalse();
        assertThat(BackoffPolicy.isError(10)).isTrue();
        assertThat(BackoffPolicy.base(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(BackoffPolicy.base(37)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void jitterStaysWithinTenPercentAndActuallyVaries() {
        BackoffPolicy p = new BackoffPolicy(new SplittableRandom(7));
        for (int n = 1; n <= 12; n++) {
            Set<Duration> seen = new HashSet<>();
            long base = BackoffPolicy.base(n).toMillis();
            for (int i = 0; i < 200; i++) {
                Duration d = p.delay(n);
                assertThat(d.toMillis()).isBetween(Math.round(base * 0.9), Math.round(base * 1.1));
                seen.add(d);
            }
            assertThat(seen).as("jitter for failure %d", n).hasSizeGreaterThan(50);
        }
    }

    @Test
    void sameSeedGivesTheSameDelays() {
        BackoffPolicy a = new BackoffPolicy(new SplittableRandom(3));
        BackoffPolicy b = new BackoffPolicy(new SplittableRandom(3));
        for (int n = 1; n <= 12; n++) {
            assertThat(a.delay(n)).isEqualTo(b.delay(n));
        }
    }

    @Test
    void zeroFailuresIsAProgrammingError() {
        assertThatThrownBy(() -> BackoffPolicy.base(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
