package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenchStatsTest {

    @Test
    void medianOfOddAndEvenCountsAndNothing() {
        assertThat(BenchStats.median(new long[] {30, 10, 20})).isEqualTo(20.0);
        assertThat(BenchStats.median(new long[] {40, 10, 30, 20})).isEqualTo(25.0);
        assertThat(BenchStats.median(new long[] {7})).isEqualTo(7.0);
        assertThat(BenchStats.median(new long[0])).isNaN();
    }

    @Test
    void medianLeavesTheInputUnsorted() {
        long[] values = {3, 1, 2};
        BenchStats.median(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void p95IsTheNearestRank() {
        long[] twenty = new long[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = 20L - i; // 20, 19, ..., 1
        }
        // ceil(0.95 * 20) = 19th smallest.
        assertThat(BenchStats.p95(twenty)).isEqualTo(19);
        long[] hundredAndOne = new long[101];
        for (int i = 0; i < 101; i++) {
            hundredAndOne[i] = i * 10L;
        }
        // ceil(0.95 * 101) = 96th smallest = 950.
        assertThat(BenchStats.p95(hundredAndOne)).isEqualTo(950);
        assertThat(BenchStats.p95(new long[] {42})).isEqualTo(42);
        assertThat(BenchStats.p95(new long[] {5, 900})).isEqualTo(900);
        assertThat(BenchStats.p95(new long[0])).isEqualTo(-1);
    }

    @Test
    void cpuSecondsPerGigabyteOfVideo() {
        // 3 CPU seconds for 200 MB of video: 15 s per GB.
        assertThat(BenchStats.cpuSecondsPerGb(3.0, 200_000_000L)).isCloseTo(15.0, within(1e-9));
        assertThat(BenchStats.cpuSecondsPerGb(0.5, 1_000_000_000L)).isCloseTo(0.5, within(1e-12));
        assertThat(BenchStats.cpuSecondsPerGb(1.0, 0)).isNaN();
    }

    @Test
    void cpuShareOfOneCore() {
        assertThat(BenchStats.percentOfOneCore(4.5, 30.0)).isCloseTo(15.0, within(1e-9));
        assertThat(BenchStats.percentOfOneCore(60.0, 30.0)).isCloseTo(200.0, within(1e-9));
        assertThatThrownBy(() -> BenchStats.percentOfOneCore(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wall time");
    }
}
