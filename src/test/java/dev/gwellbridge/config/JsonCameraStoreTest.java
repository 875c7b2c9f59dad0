package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StoredCamera;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonCameraStoreTest {
    private static final CameraId A = CameraId.of("GW_GC1_0A1B2C3D4E5F");
    private static final CameraId B = CameraId.of("GW_BE1_AABBCCDD1234");
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(1_767_225_600_000L));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("cameras.json");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(Path::getFileName).sorted().toList();
        }
    }

    @Test
    void roundTripsEveryField() throws IOException {
        JsonCameraStore store = new JsonCameraStore(file(), CLOCK);
        Map<CameraId, StoredCamera> cameras = Map.of(
                A,
                new StoredCamera("front_door", false, Quality.SD, "192.168.1.20"),
                B,
                StoredCamera.firstSight("doorbell"));

        store.save(cameras);

        assertThat(new JsonCameraStore(file(), CLOCK).load()).isEqualTo(cameras);
        String json = Files.readString(file());
        assertThat(json).contains("\"front_door\"").contains("\"sd\"");
        assertThat(json).doesNotContain("\"quality\" : null");
    }

    @Test
    void writesTheFileOwnerOnly() throws IOException {
        new JsonCameraStore(file(), CLOCK).save(Map.of(A, StoredCamera.firstSight("a")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                .isEqualTo("rw-------");
    }

    @Test
    void aMissingFileMeansNothingStored() {
        assertThat(new JsonCameraStore(dir.resolve("none/cameras.json"), CLOCK).load())
                .isEmpty();
    }

    @Test
    void aCorruptFileIsQuarantinedAndDefaultsUsed() throws IOException {
        Files.writeString(file(), "{\"version\":1,\"cameras\":{\"GW_GC1_0A1B", StandardCharsets.UTF_8);

        JsonCameraStore store = new JsonCameraStore(file(), CLOCK);
        assertThat(store.load()).isEmpty();

        Path aside = dir.resolve("cameras.json.corrupt-" + CLOCK.millis());
        assertThat(files()).containsExactly(aside.getFileName());
        assertThat(Files.readString(aside)).startsWith("{\"version\":1");

        store.save(Map.of(A, StoredCamera.firstSight("a")));
        assertThat(store.load()).containsOnlyKeys(A);
    }

    @Test
    void aFileOfTheWrongShapeIsQuarantinedToo() throws IOException {
        Files.writeString(file(), "[1, 2, 3]", StandardCharsets.UTF_8);
        assertThat(new JsonCameraStore(file(), CLOCK).load()).isEmpty();
        assertThat(Files.exists(file())).isFalse();
        assertThat(files()).hasSize(1);
    }

    @Test
    void aBadEntryIsSkippedAndTheRestKept() throws IOException {
        Files.writeString(file(), """
                {"version": 1, "cameras": {
                  "GW_GC1_0A1B2C3D4E5F": {"slug": "front_door", "stream": true, "quality": "hd", "lan_ip": ""},
                  "not a device id!": {"slug": "x"},
                  "GW_BE1_AABBCCDD1234": {"slug": "", "stream": true},
                  "GW_DUO_AABBCCDD5678": {"slug": "duo", "quality": "4k"}
                }}
                """, StandardCharsets.UTF_8);
        Map<CameraId, StoredCamera> loaded = new JsonCameraStore(file(), CLOCK).load();
        assertThat(loaded).containsExactly(Map.entry(A, new StoredCamera("front_door", true, Quality.HD, "")));
        assertThat(Files.exists(file())).isTrue();
    }
}
