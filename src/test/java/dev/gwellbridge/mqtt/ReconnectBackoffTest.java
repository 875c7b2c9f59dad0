package dev.gwellbridge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Property
    void delaysStayBetweenOneAndSixtySecondsAndTheCeilingDoubles(@ForAll long seed) {
        ReconnectBackoff b =
                new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(seed));

        for (int i = 0; i < 30; i++) {
            long ms = b.next().toMillis();
            assertThat(ms).isBetween(1000L, Math.min(60_000L, 1000L << Math.min(i, 20)));
        }
    }

    @Test
    void firstDelayIsTheMinimumAndResetStartsOver() {
        ReconnectBackoff b =
                new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(1));

        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            b.next();
        }
        b.reset();

        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void lateDelaysSpreadOverTheWholeRangeInsteadOfSittingAtTheCap() {
        ReconnectBackoff b =
                new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(3));
        for (int i = 0; i < 10; i++) {
            b.next();
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 200; i++) {
            long ms = b.next().toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }

        assertThat(min).isLessThan(10_000);
        assertThat(max).isGreaterThan(50_000);
    }
}
