package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallIdTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(1_764_000_000_000L));

    @TempDir
    Path dir;

    @Test
    void isCreatedOnFirstUseAndKeptAfterwards() throws IOException {
        DataDir data = DataDir.at(dir);
        InstallId first = InstallId.loadOrCreate(data, new Random(1), CLOCK);
        assertThat(data.installId()).exists();
        assertThat(Files.readString(data.installId())).isEqualTo(first.value() + "\n");
        InstallId again = InstallId.loadOrCreate(data, new Random(2), CLOCK);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void isARandomVersion4UuidFromTheGivenGenerator() throws IOException {
        InstallId a = InstallId.loadOrCreate(DataDir.at(dir.resolve("a")), new Random(42), CLOCK);
        InstallId b = InstallId.loadOrCreate(DataDir.at(dir.resolve("b")), new Random(42), CLOCK);
        InstallId c = InstallId.loadOrCreate(DataDir.at(dir.resolve("c")), new Random(43), CLOCK);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a.value().version()).isEqualTo(4);
        assertThat(a.value().variant()).isEqualTo(2);
    }

    @Test
    void theFileIsOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        DataDir data = DataDir.at(dir);
        InstallId.loadOrCreate(data, new Random(1), CLOCK);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.installId())))
                .isEqualTo("rw-------");
    }

    @Test
    void readsAnIdWrittenByAnEarlierVersionWithoutNewline() throws IOException {
        Files.writeString(dir.resolve("install_id"), "3F2504E0-4F89-41D3-9A0C-0305E82C3301");
        InstallId id = InstallId.loadOrCreate(DataDir.at(dir), new Random(1), CLOCK);
        assertThat(id.value()).isEqualTo(UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        assertThat(id.shortHex()).isEqualTo("3f2504e0");
    }

    @Test
    void aCorruptFileIsMovedAsideAndReplaced() throws IOException {
        Path file = dir.resolve("install_id");
        Files.writeString(file, "not-a-uuid");
        InstallId id = InstallId.loadOrCreate(DataDir.at(dir), new Random(7), CLOCK);
        assertThat(Files.readString(file).trim()).isEqualTo(id.toString());
        assertThat(Files.readString(dir.resolve("install_id.corrupt-1764000000000")))
                .isEqualTo("not-a-uuid");
    }

    @Test
    void parseAcceptsOnlyTheCanonicalForm() {
        assertThat(InstallId.parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301")).isPresent();
        assertThat(InstallId.parse("1-1-1-1-1")).isEmpty();
        assertThat(InstallId.parse("3f2504e0-4f89-41d3-9a0c-0305e82c330")).isEmpty();
        assertThat(InstallId.parse("zf2504e0-4f89-41d3-9a0c-0305e82c3301")).isEmpty();
        assertThat(InstallId.parse(null)).isEmpty();
    }

    @Test
    void shortHexIsTheFirstEightLowerCaseDigits() {
        Random random = new Random(99);
        Stream.generate(() -> new InstallId(InstallId.randomUuid(random)))
                .limit(50)
                .forEach(id -> {
                    assertThat(id.shortHex()).matches("[0-9a-f]{8}");
                    assertThat(id.toString()).startsWith(id.shortHex());
                });
    }
}
