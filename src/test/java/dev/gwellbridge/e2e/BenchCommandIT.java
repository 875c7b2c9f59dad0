package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar gwell-bridge.jar bench --cameras 1 --seconds 3} as a process: it starts its own
 * simulator child, streams one camera over loopback and prints a Markdown table whose figures are
 * plausible. Speed is never asserted.
 */
@Timeout(180)
class BenchCommandIT {
    @TempDir
    Path dir;

    @Test
    void oneCameraForThreeSecondsGivesAPlausibleTable() throws Exception {
        Set<Long> before =
                ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        try (JarProcess bench = JarProcess.start(dir, "bench", "--cameras", "1", "--seconds", "3")) {
            List<ProcessHandle> started = ProcessHandle.current()
                    .children()
                    .filter(p -> !before.contains(p.pid()))
                    .toList();
            try {
                check(bench);
            } finally {
                // Killed on failure, the bench could not stop its simulator child: do it here.
                started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
            }
        }
    }

    private static void check(JarProcess bench) {
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !bench.alive());
        String out = bench.stdout();
        List<String> table =
                out.lines().dropWhile(l -> !l.startsWith("| cameras |")).toList();
        assertThat(table)
                .as("stdout:%n%s%nstderr:%n%s", out, JarProcess.tail(bench.stderr()))
                .hasSize(3);
        List<String> header = cells(table.get(0));
        assertThat(header)
                .containsExactly(
                        "cameras",
                        "loss",
                        "streaming",
                        "video MB",
                        "CPU s/GB",
                        "CPU % of one core",
                        "peak RSS MiB",
                        "first byte median ms",
                        "first byte p95 ms",
                        "retransmits",
                        "restarts",
                        "lost frames",
                        "intact frames");
        assertThat(table.get(1)).matches("(\\|---:)+\\|");
        List<String> row = cells(table.get(2));
        assertThat(row).hasSameSizeAs(header);
        assertThat(row.subList(0, 3)).containsExactly("1", "0 %", "1/1");
        // About 0.2 MB/s for 3 s: well above zero, well below what loopback could carry.
        assertThat(Double.parseDouble(row.get(3))).isGreaterThan(0.05).isLessThan(50);
        assertThat(Double.parseDouble(row.get(4))).isPositive();
        assertThat(Double.parseDouble(row.get(5))).isPositive();
        assertThat(Double.parseDouble(row.get(6))).isGreaterThan(10);
        double firstByte = Double.parseDouble(row.get(7));
        assertThat(firstByte).isGreaterThanOrEqualTo(0).isLessThan(60_000);
        assertThat(Long.parseLong(row.get(8))).isEqualTo(Math.round(firstByte));
        assertThat(row.get(11)).as("lost frames at 0 %% loss").isEqualTo("0");
        assertThat(Long.parseLong(row.get(12))).as("intact frames").isPositive();
        assertThat(out).contains("load average before:", cores() + " cores");
    }

    private static String cores() {
        return Integer.toString(Runtime.getRuntime().availableProcessors());
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }
}
