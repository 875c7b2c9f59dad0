package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {
    private static final BenchRow ROW = new BenchRow(
            32,
            5.0,
            31,
            30.0,
            6.0,
            200_000_000L,
            150L * 1024 * 1024,
            List.of(300L, 100L, 200L, 900L),
            1234,
            2,
            0,
            19_000);

    @Test
    void oneLinePerRunWithEveryFigure() {
        // 6 CPU s over 200 MB = 30 s/GB; 6 s over 30 s wall = 20 %; median of 100..900 = 250.
        assertThat(BenchTable.line(ROW))
                .isEqualTo("| 32 | 5 % | 31/32 | 200.0 | 30.0 | 20.0 | 150 | 250 | 900 | 1234 | 2 | 0 | 19000 |");
    }

    @Test
    void markdownTableHasAHeaderAnAlignmentLineAndMatchingColumnCounts() {
        String table = BenchTable.markdown(List.of(ROW, ROW));
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("| cameras | loss | streaming |").contains("lost frames");
        assertThat(lines.get(1)).matches("(\\|---:)+\\|");
        long columns = lines.get(0).chars().filter(c -> c == '|').count();
        assertThat(lines)
                .allSatisfy(
                        l -> assertThat(l.chars().filter(c -> c == '|').count()).isEqualTo(columns));
        assertThat(table).endsWith("\n");
    }

    @Test
    void noVideoShowsDashesInsteadOfNumbers() {
        BenchRow none = new BenchRow(1, 0.0, 0, 10.0, 0.5, 0, 100L << 20, List.of(), 0, 3, 0, 0);
        assertThat(BenchTable.line(none)).isEqualTo("| 1 | 0 % | 0/1 | 0.0 | - | 5.0 | 100 | - | - | 0 | 3 | 0 | 0 |");
    }

    @Test
    void fractionalLossKeepsItsDecimals() {
        assertThat(BenchTable.trim(2.5)).isEqualTo("2.5");
        assertThat(BenchTable.trim(5.0)).isEqualTo("5");
    }
}
