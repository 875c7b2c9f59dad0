package dev.gwellbridge.app;

import java.util.List;
import java.util.Locale;

/** Formats session-benchmark rows as a Markdown table, ready to paste into BENCHMARKS.md. */
final class BenchTable {
    static final String HEADER = "| cameras | loss | streaming | video MB | CPU s/GB | CPU % of one core"
            + " | peak RSS MiB | first byte median ms | first byte p95 ms | retransmits | restarts | lost frames"
            + " | intact frames |";

    private BenchTable() {}

    /** The header, the alignment line and one line per row, each ending in a newline. */
    static String markdown(List<BenchRow> rows) {
        StringBuilder b = new StringBuilder();
        b.append(HEADER).append('\n');
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchRow r : rows) {
            b.append(line(r)).append('\n');
        }
        return b.toString();
    }

    /** One table line. */
    static String line(BenchRow r) {
        return String.format(
                Locale.ROOT,
                "| %d | %s %% | %d/%d | %.1f | %s | %.1f | %.0f | %s | %s | %d | %d | %d | %d |",
                r.cameras(),
                trim(r.lossPercent()),
                r.streaming(),
                r.cameras(),
                r.videoBytes() / 1e6,
                orDash(r.cpuSecondsPerGb(), "%.1f"),
                r.cpuPercent(),
                r.peakRssBytes() / (1024.0 * 1024.0),
                orDash(r.firstByteMedianMillis(), "%.0f"),
                r.firstByteP95Millis() < 0 ? "-" : Long.toString(r.firstByteP95Millis()),
                r.retransmits(),
                r.restarts(),
                r.lostFrames(),
                r.intactFrames());
    }

    private static String orDash(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }

    /** {@code 5} for 5.0, {@code 2.5} for 2.5. */
    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
