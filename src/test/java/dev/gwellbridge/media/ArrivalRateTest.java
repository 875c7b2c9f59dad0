package dev.gwellbridge.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.h264.FrameRate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ArrivalRateTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ArrivalRate rate = new ArrivalRate(now::get, 2_000);

    private void arrive(int count, long everyMillis) {
        for (int i = 0; i < count; i++) {
            rate.record();
            now.addAndGet(everyMillis);
        }
    }

    @Test
    void staysEmptyUntilArrivalsSpanTheProbeTime() {
        arrive(20, 50);
        assertThat(rate.measured()).isEmpty();

        arrive(30, 50);
        assertThat(rate.measured()).contains(FrameRate.ofFps(20));
    }

    @Test
    void roundsToWholeFramesPerSecond() {
        arrive(60, 67);

        assertThat(rate.measured()).contains(FrameRate.ofFps(15));
    }

    @Test
    void followsTheRecentArrivalsOnly() {
        arrive(300, 50);
        arrive(300, 100);

        assertThat(rate.measured()).contains(FrameRate.ofFps(10));
    }
}
