package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {
    @TempDir
    Path dir;

    @Test
    void anExplicitFolderWins() {
        Path explicit = dir.resolve("state");
        assertThat(DataDir.resolve(Optional.of(explicit), Map.of("SUPERVISOR_TOKEN", "t0k3n-xyz"))
                        .root())
                .isEqualTo(explicit);
    }

    @Test
    void underTheSupervisorItIsSlashData() {
        assertThat(DataDir.resolve(Optional.empty(), Map.of("SUPERVISOR_TOKEN", "t0k3n-xyz"))
                        .root())
                .isEqualTo(Path.of("/data"));
    }

    @Test
    void elsewhereItIsDataInTheWorkingDirectory() {
        assertThat(DataDir.resolve(Optional.empty(), Map.of()).root()).isEqualTo(Path.of("data"));
        assertThat(DataDir.resolve(Optional.empty(), Map.of("SUPERVISOR_TOKEN", " "))
                        .root())
                .isEqualTo(Path.of("data"));
    }

    @Test
    void openCreatesTheFolderAndItsSubFoldersOwnerOnly() throws IOException {
        DataDir data = DataDir.at(dir.resolve("new/state")).open();
        assertThat(data.root()).isDirectory();
        assertThat(data.hls()).isDirectory().isEqualTo(dir.resolve("new/state/hls"));
        assertThat(data.snapshots()).isDirectory().isEqualTo(dir.resolve("new/state/snapshots"));
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.root())))
                .isEqualTo("rwx------");
    }

    @Test
    void openLeavesExistingFoldersAndFilesAlone() throws IOException {
        Files.createDirectories(dir.resolve("hls/front_door"));
        Files.writeString(dir.resolve("cameras.json"), "{}");
        DataDir data = DataDir.at(dir).open().open();
        assertThat(data.hls().resolve("front_door")).isDirectory();
        assertThat(Files.readString(data.cameras())).isEqualTo("{}");
    }

    @Test
    void openNamesTheFolderItCannotCreate() throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "x");
        assertThatThrownBy(() -> DataDir.at(file).open())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot create the data folder " + file);
    }

    @Test
    void namedFilesLiveDirectlyInTheFolder() {
        DataDir data = DataDir.at(dir);
        assertThat(List.of(
                        data.options(),
                        data.installId(),
                        data.cameras(),
                        data.cloudState(),
                        data.account(),
                        data.haDevices(),
                        data.hls(),
                        data.snapshots()))
                .allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir))
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "options.json",
                        "install_id",
                        "cameras.json",
                        "cloud-state.json",
                        "wyze-account.json",
                        "mqtt-devices.json",
                        "hls",
                        "snapshots");
    }

    @Test
    void refusesNamesThatLeaveTheFolder() {
        DataDir data = DataDir.at(dir);
        assertThatThrownBy(() -> data.file("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data.file("hls/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data.file("..")).isInstanceOf(IllegalArgumentException.class);
        assertThat(data.file("extra.json")).isEqualTo(dir.resolve("extra.json"));
    }

    @Test
    void everyFileNameConstantIsDistinct() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : DataDir.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && !f.getName().endsWith("_ENV")) {
                names.add((String) f.get(null));
            }
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
        assertThat(names).allSatisfy(n -> assertThat(n).doesNotContain("/"));
    }
}
