package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeCreatesMissingFoldersAndAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("sub/state.json");

        AtomicFile.write(file, "one".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("one");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OWNER_ONLY);
    }

    @Test
    void writeReplacesTheWholeContentAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("state.json");
        AtomicFile.write(file, "a much longer first version".getBytes(StandardCharsets.UTF_8));

        AtomicFile.write(file, "v2".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("v2");
        assertThat(names()).containsExactly("state.json");
    }

    @Test
    void replacingAWorldReadableFileLeavesItOwnerOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("state.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFile.write(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OWNER_ONLY);
    }

    @Test
    void readIsEmptyForAMissingFile() throws Exception {
        assertThat(AtomicFile.read(dir.resolve("absent.json"))).isEmpty();
        Path file = Files.writeString(dir.resolve("present.json"), "x");
        assertThat(AtomicFile.read(file)).hasValueSatisfying(b -> assertThat(b).containsExactly('x'));
    }

    @Test
    void quarantineMovesTheFileAsideUnderATimestampedNameAndKeepsItsBytes() throws Exception {
        Path file = Files.writeString(dir.resolve("state.json"), "{broken");
        Files.writeString(dir.resolve("other.json"), "keep");
        InstantSource clock = InstantSource.fixed(Instant.ofEpochMilli(1_700_000_000_123L));

        Path aside = AtomicFile.quarantine(file, "invalid JSON", clock).orElseThrow();

        assertThat(aside.getFileName().toString()).isEqualTo("state.json.corrupt-1700000000123");
        assertThat(Files.readString(aside)).isEqualTo("{broken");
        assertThat(file).doesNotExist();
        assertThat(names()).containsExactly("other.json", "state.json.corrupt-1700000000123");
    }

    @Test
    void quarantineOfAMissingFileIsEmpty() {
        assertThat(AtomicFile.quarantine(dir.resolve("absent.json"), "gone", InstantSource.system()))
                .isEmpty();
    }
}
