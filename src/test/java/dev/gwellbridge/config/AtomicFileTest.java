package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AtomicFileTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(1_764_000_000_123L));

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AtomicFile.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void writesContentAndCreatesMissingFolders() throws IOException {
        Path target = dir.resolve("a/b/state.json");
        AtomicFile.write(target, bytes("{\"x\":1}"));
        assertThat(Files.readString(target)).isEqualTo("{\"x\":1}");
    }

    @Test
    void replacesExistingContentAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("cameras.json");
        AtomicFile.write(target, bytes("first, and longer than the second"));
        AtomicFile.write(target, bytes("second"));
        assertThat(Files.readString(target)).isEqualTo("second");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cameras.json");
        }
    }

    @Test
    void makesTheFileOwnerOnlyEvenWhenItWasReadableByOthers() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path target = dir.resolve("account.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFile.write(target, bytes("new"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aConcurrentReaderSeesEitherTheOldOrTheNewContentNeverAMix() throws Exception {
        Path target = dir.resolve("big.json");
        byte[] a = new byte[256 * 1024];
        byte[] b = new byte[128 * 1024];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        AtomicFile.write(target, a);
        AtomicReference<String> torn = new AtomicReference<>();
        Thread writer = new Thread(
                () -> {
                    try {
                        for (int i = 0; i < 200; i++) {
                            AtomicFile.write(target, i % 2 == 0 ? b : a);
                        }
                    } catch (IOException e) {
                        torn.set("write failed: " + e);
                    }
                },
                "atomic-writer");
        writer.start();
        int reads = 0;
        while (writer.isAlive() || reads < 10) {
            byte[] seen = Files.readAllBytes(target);
            reads++;
            if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
                torn.compareAndSet(null, "read " + seen.length + " bytes that are neither version");
            }
        }
        writer.join();
        assertThat(torn.get()).isNull();
    }

    @Test
    void aFailedWriteLeavesTheTargetAloneAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("hls");
        Files.createDirectories(target.resolve("front_door"));
        assertThatThrownBy(() -> AtomicFile.write(target, bytes("x"))).isInstanceOf(IOException.class);
        assertThat(target.resolve("front_door")).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("hls");
        }
    }

    @Test
    void readsBackWhatWasWrittenAndNothingForAMissingFile() throws IOException {
        Path target = dir.resolve("install_id");
        assertThat(AtomicFile.read(target)).isEmpty();
        AtomicFile.write(target, bytes("abc"));
        assertThat(AtomicFile.read(target))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("abc")));
    }

    @Test
    void quarantineMovesTheCorruptFileAsideAndWarns() throws IOException {
        Path target = dir.resolve("cameras.json");
        Files.writeString(target, "{broken");
        var aside = AtomicFile.quarantine(target, "invalid JSON at line 1", CLOCK);
        assertThat(aside).contains(dir.resolve("cameras.json.corrupt-1764000000123"));
        assertThat(target).doesNotExist();
        assertThat(Files.readString(aside.orElseThrow())).isEqualTo("{broken");
        assertThat(logs.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage())
                    .contains("cameras.json")
                    .contains("invalid JSON at line 1")
                    .contains("cameras.json.corrupt-1764000000123");
        });
    }

    @Test
    void quarantineTwiceInOneMillisecondKeepsBothCopies() throws IOException {
        Path target = dir.resolve("ha-devices.json");
        Files.writeString(target, "one");
        var first = AtomicFile.quarantine(target, "bad", CLOCK).orElseThrow();
        Files.writeString(target, "two");
        var second = AtomicFile.quarantine(target, "bad", CLOCK).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(second.getFileName().toString()).isEqualTo("ha-devices.json.corrupt-1764000000123-1");
        assertThat(Files.readString(first)).isEqualTo("one");
        assertThat(Files.readString(second)).isEqualTo("two");
    }

    @Test
    void quarantineOfAMissingFileDoesNothing() {
        assertThat(AtomicFile.quarantine(dir.resolve("nope.json"), "bad", CLOCK))
                .isEmpty();
        assertThat(logs.list).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
