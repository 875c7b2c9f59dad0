package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionBenchOptionsTest {
    private static final Path CACHE = Path.of("cache");

    private static SessionBenchOptions parse(String... argv) throws UsageException {
        Args args = Args.parse(List.of(argv), Set.of());
        SessionBenchOptions o = SessionBenchOptions.parse(args, CACHE);
        args.rejectUnknown();
        return o;
    }

    @Test
    void defaultsAreThirtySecondsLosslessAtOnePointSixMegabits() throws UsageException {
        SessionBenchOptions o = parse("--cameras", "1,8,32");
        assertThat(o.cameras()).containsExactly(1, 8, 32);
        assertThat(o.seconds()).isEqualTo(30);
        assertThat(o.lossPercents()).containsExactly(0.0);
        assertThat(o.kbps()).isEqualTo(1600);
        assertThat(o.staggerMillis()).isEqualTo(100);
        assertThat(o.seed()).isEqualTo(1);
        assertThat(o.cacheDir()).isEqualTo(CACHE);
    }

    @Test
    void everyOptionIsRead() throws UsageException {
        SessionBenchOptions o = parse(
                "--cameras",
                " 4 , 2 ",
                "--seconds",
                "3",
                "--loss",
                "0,5,2.5",
                "--kbps",
                "800",
                "--stagger-ms",
                "0",
                "--seed",
                "-7",
                "--cache-dir",
                "elsewhere");
        assertThat(o.cameras()).containsExactly(4, 2);
        assertThat(o.seconds()).isEqualTo(3);
        assertThat(o.lossPercents()).containsExactly(0.0, 5.0, 2.5);
        assertThat(o.kbps()).isEqualTo(800);
        assertThat(o.staggerMillis()).isZero();
        assertThat(o.seed()).isEqualTo(-7);
        assertThat(o.cacheDir()).isEqualTo(Path.of("elsewhere"));
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> parse("--seconds", "3"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--cameras is required");
        assertThatThrownBy(() -> parse("--cameras", "1,x"))
                .hasMessageContaining("--cameras must be a comma-separated list")
                .hasMessageContaining("'1,x'");
        assertThatThrownBy(() -> parse("--cameras", "0"))
                .hasMessageContaining("--cameras: each count must be between 1");
        assertThatThrownBy(() -> parse("--cameras", "257")).hasMessageContaining("got 257");
        assertThatThrownBy(() -> parse("--cameras", "1,,8")).hasMessageContaining("--cameras has an empty entry");
        assertThatThrownBy(() -> parse("--cameras", "1", "--loss", "60"))
                .hasMessageContaining("--loss: each percentage must be between 0 and 50, got 60");
        assertThatThrownBy(() -> parse("--cameras", "1", "--loss", "five"))
                .hasMessageContaining("--loss must be a comma-separated list");
        assertThatThrownBy(() -> parse("--cameras", "1", "--seconds", "0")).hasMessageContaining("--seconds");
        assertThatThrownBy(() -> parse("--cameras", "1", "--kbps", "5")).hasMessageContaining("--kbps");
        assertThatThrownBy(() -> parse("--cameras", "1", "--stagger-ms", "-1")).hasMessageContaining("--stagger-ms");
        assertThatThrownBy(() -> parse("--cameras", "1", "--seed", "x")).hasMessageContaining("--seed");
        assertThatThrownBy(() -> parse("--cameras", "1", "--iterations", "3"))
                .hasMessageContaining("unknown option --iterations");
    }
}
