package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        assertThatThrownBy(() -> run("--cameras", "1,8"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--cameras");
        assertThatThrownBy(() -> run("--iterations", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--iterations");
    }

    @Test
    void isListedByMain() {
        assertThat(Main.builtIn()).extracting(Subcommand::name).contains("bench");
        BenchCommand bench = new BenchCommand(System.out, () -> 0);
        assertThat(bench.summary()).isEqualTo("measure codec throughput (and, later, whole sessions)");
        assertThat(bench.flagNames()).isEqualTo(Set.of("codec"));
    }
}
