package dev.gwellbridge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void growsFromHalfASecondToThirtySecondsForExitsInARow() {
        RestartBackoff b = new RestartBackoff(RestartBackoff.DEFAULT_STEPS, Duration.ofSeconds(30));
        Instant now = T0;
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instant started = now;
            Instant exited = started.plusSeconds(3);
            Duration d = b.onExit(started, exited);
            delays.add(d.toMillis());
            now = exited.plus(d);
        }

        assertThat(delays).containsExactly(500L, 1_000L, 2_000L, 5_000L, 10_000L, 30_000L, 30_000L, 30_000L);
        assertThat(b.failuresInARow()).isEqualTo(8);
    }

    @Test
    void aStableRunStartsTheScheduleAgain() {
        RestartBackoff b = new RestartBackoff(RestartBackoff.DEFAULT_STEPS, Duration.ofSeconds(30));
        b.onExit(T0, T0.plusSeconds(1));
        b.onExit(T0.plusSeconds(2), T0.plusSeconds(3));
        b.onExit(T0.plusSeconds(5), T0.plusSeconds(6));

        Duration afterStableRun = b.onExit(T0.plusSeconds(10), T0.plusSeconds(40));
        Duration next = b.onExit(T0.plusSeconds(41), T0.plusSeconds(42));

        assertThat(afterStableRun).isEqualTo(Duration.ofMillis(500));
        assertThat(next).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRunJustShortOfStableDoesNotReset() {
        RestartBackoff b = new RestartBackoff(RestartBackoff.DEFAULT_STEPS, Duration.ofSeconds(30));
        b.onExit(T0, T0);

        Duration d = b.onExit(T0, T0.plusSeconds(30).minusMillis(1));

        assertThat(d).isEqualTo(Duration.ofSeconds(1));
    }
}
