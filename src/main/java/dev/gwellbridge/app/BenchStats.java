package dev.gwellbridge.app;

import java.util.Arrays;

/**
 * The arithmetic of the session benchmark: order statistics of first-byte times and the CPU figures.
 * Pure functions; GB means 10^9 bytes.
 */
final class BenchStats {
    private BenchStats() {}

    /** The median; the mean of the two middle values for an even count; NaN for no values. */
    static double median(long[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /**
     * The 95th percentile by the nearest-rank method: the smallest value at least 95 % of the values
     * do not exceed; -1 for no values.
     */
    static long p95(long[] values) {
        if (values.length == 0) {
            return -1;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.95 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** CPU seconds spent per 10^9 bytes of video; NaN when no video arrived. */
    static double cpuSecondsPerGb(double cpuSeconds, long videoBytes) {
        return videoBytes <= 0 ? Double.NaN : cpuSeconds / (videoBytes / 1e9);
    }

    /** CPU time as a share of one core over the wall time, in percent. */
    static double percentOfOneCore(double cpuSeconds, double wallSeconds) {
        if (wallSeconds <= 0) {
            throw new IllegalArgumentException("wall time must be positive, got " + wallSeconds);
        }
        return 100 * cpuSeconds / wallSeconds;
    }
}
