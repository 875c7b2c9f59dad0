package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimePathsTest {
    @TempDir
    Path dir;

    private static Args args(String... words) throws UsageException {
        return Args.parse(List.of(words), Set.of());
    }

    @Test
    void dataDirDefaultsToSlashDataInsideTheAddOnAndDotDataElsewhere() throws Exception {
        assertThat(RuntimePaths.resolve(args(), Map.of("SUPERVISOR_TOKEN", "abc"))
                        .dataDir())
                .isEqualTo(Path.of("/data"));
        assertThat(RuntimePaths.resolve(args(), Map.of()).dataDir()).isEqualTo(Path.of("data"));
        assertThat(RuntimePaths.resolve(args(), Map.of("SUPERVISOR_TOKEN", " ")).dataDir())
                .isEqualTo(Path.of("data"));
    }

    @Test
    void explicitDataDirWinsAndOptionsDefaultToItsOptionsJson() throws Exception {
        RuntimePaths p = RuntimePaths.resolve(args("--data-dir", dir.toString()), Map.of("SUPERVISOR_TOKEN", "x"));

        assertThat(p.dataDir()).isEqualTo(dir);
        assertThat(p.optionsFile()).isEqualTo(dir.resolve("options.json"));
        assertThat(p.optionsGiven()).isFalse();
    }

    @Test
    void explicitOptionsFileMustExist() throws Exception {
        Path file = Files.writeString(dir.resolve("o.json"), "{}");
        assertThat(RuntimePaths.resolve(args("--options", file.toString()), Map.of())
                        .optionsFile())
                .isEqualTo(file);

        assertThatThrownBy(() -> RuntimePaths.resolve(
                        args("--options", dir.resolve("nope.json").toString()), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--options")
                .hasMessageContaining("nope.json");
    }

    @Test
    void optionProblemsArePrintedWithTheirFieldNames() throws Exception {
        Path file = Files.writeString(dir.resolve("o.json"), "{\"wyze\":{\"email\":\"not-an-email\"},\"rtsp_port\":0}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        RuntimePaths.resolve(args("--options", file.toString()), Map.of())
                .loadOptions(new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("options: wyze.email")
                .contains("options: rtsp_port");
    }
}
