package dev.gwellbridge.app;

import java.util.List;

/**
 * The figures of one session-benchmark run (one camera count at one loss rate), client side only.
 *
 * @param cameras sessions opened
 * @param lossPercent datagram loss the simulator applied, both directions
 * @param streaming cameras that delivered video
 * @param wallSeconds wall time from the first session opened to the end of the run
 * @param cpuSeconds CPU time of the client process over the same span
 * @param videoBytes H.264 bytes the clients delivered
 * @param peakRssBytes the client process's peak resident set during the run
 * @param firstByteMillis per streaming session, time from opening it to its first H.264 byte
 * @param retransmits KCP segments the cameras resent, as the clients saw them
 * @param restarts sessions that failed and were opened again
 * @param lostFrames pictures that never arrived intact
 * @param intactFrames pictures that arrived byte for byte as sent
 */
record BenchRow(
        int cameras,
        double lossPercent,
        int streaming,
        double wallSeconds,
        double cpuSeconds,
        long videoBytes,
        long peakRssBytes,
        List<Long> firstByteMillis,
        long retransmits,
        int restarts,
        long lostFrames,
        long intactFrames) {

    BenchRow {
        firstByteMillis = List.copyOf(firstByteMillis);
    }

    double cpuSecondsPerGb() {
        return BenchStats.cpuSecondsPerGb(cpuSeconds, videoBytes);
    }

    double cpuPercent() {
        return BenchStats.percentOfOneCore(cpuSeconds, wallSeconds);
    }

    double firstByteMedianMillis() {
        return BenchStats.median(millis());
    }

    long firstByteP95Millis() {
        return BenchStats.p95(millis());
    }

    private long[] millis() {
        return firstByteMillis.stream().mapToLong(Long::longValue).toArray();
    }
}
