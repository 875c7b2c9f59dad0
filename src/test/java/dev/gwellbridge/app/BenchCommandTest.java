package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bench command's options and report, on a fake clock that advances 1 ms per reading. */
class BenchCommandTest {

    private static String run(String... argv) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long[] nanos = {0};
        BenchCommand bench = new BenchCommand(new PrintStream(buf, true, StandardCharsets.UTF_8), () -> {
            nanos[0] += 1_000_000;
            return nanos[0];
        });
        assertThat(bench.run(Args.parse(List.of(argv), bench.flagNames()))).isZero();
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsMedianFiguresForTheCodecMode() throws Exception {
        String report = run("--codec", "--iterations", "3", "--warmup", "1", "--messages", "10");
        // Every timed run lasts exactly 1 ms on the fake clock: 4 MiB -> 4194.3 MB/s; 11 datagrams.
        assertThat(report)
                .contains("median of 3 iterations after 1 warm-up")
                .contains("rc5-32 decrypt:     4194.3 MB/s")
                .contains("11000 datagrams/s, 11 datagrams of");
    }

    @Test
    void codecIsTheDefaultModeAndUnknownOptionsAreRefused() throws Exception {
        assertThat(run("--iterations", "1", "--warmup", "0", "--messages", "2")).contains("av packet decode");
        assertThatThrownBy(() -> run("--iterations", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--iterations");
    }

    @Test
    void camerasSelectTheSessionBenchmarkWithItsOptions() throws Exception {
        List<SessionBenchOptions> seen = new ArrayList<>();
        BenchCommand bench = new BenchCommand(System.out, () -> 0, (o, out) -> seen.add(o));
        List<String> argv = List.of("--cameras", "1,8,32", "--seconds", "30", "--loss", "0,5");
        assertThat(bench.run(Args.parse(argv, bench.flagNames()))).isZero();
        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.cameras()).containsExactly(1, 8, 32);
            assertThat(o.seconds()).isEqualTo(30);
            assertThat(o.lossPercents()).containsExactly(0.0, 5.0);
            assertThat(o.cacheDir()).isEqualTo(BenchCommand.DEFAULT_CACHE);
        });
    }

    @Test
    void sessionModeRefusesCodecOptionsAndTheCodecFlag() {
        BenchCommand bench = new BenchCommand(System.out, () -> 0, (o, out) -> {
            throw new AssertionError("must not run");
        });
        assertThatThrownBy(() -> bench.run(Args.parse(List.of("--cameras", "1", "--codec"), bench.flagNames())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--codec and --cameras");
        assertThatThrownBy(() -> bench.run(Args.parse(List.of("--cameras", "1", "--messages", "5"), bench.flagNames())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--messages");
        assertThatThrownBy(() -> bench.run(Args.parse(List.of("--cameras", "1,a"), bench.flagNames())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--cameras");
    }

    @Test
    void isListedByMain() {
        assertThat(Main.builtIn()).extracting(Subcommand::name).contains("bench");
        BenchCommand bench = new BenchCommand(System.out, () -> 0);
        assertThat(bench.summary()).isEqualTo("measure codec throughput, or whole sessions against a simulator");
        assertThat(bench.flagNames()).isEqualTo(Set.of("codec"));
        assertThat(bench.usage()).contains("--cameras", "--loss", "--seconds");
    }
}
