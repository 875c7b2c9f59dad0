package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.CredentialSource;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.config.WyzeOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamerasCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<WyzeOptions> seenOptions = new ArrayList<>();
    private final List<Path> seenDirs = new ArrayList<>();

    private int run(CredentialSource source, String... argv) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CamerasCommand command = new CamerasCommand(o, e, Map.of(), (w, d) -> {
            seenOptions.add(w);
            seenDirs.add(d);
            return source;
        });
        List<String> words = new ArrayList<>(List.of("cameras"));
        words.addAll(List.of(argv));
        return new Main(List.of(command), o, e).execute(words);
    }

    private static CredentialSource listing(List<CameraInfo> cams) {
        return new CredentialSource() {
            @Override
            public List<CameraInfo> cameras(boolean forceRefresh) {
                return cams;
            }

            @Override
            public P2pCredential credential(CameraId id, boolean forceFresh) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static CredentialSource failing(String code, String message) {
        return new CredentialSource() {
            @Override
            public List<CameraInfo> cameras(boolean forceRefresh) throws CredentialException {
                throw new CredentialException(code, message, null);
            }

            @Override
            public P2pCredential credential(CameraId id, boolean forceFresh) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void printsAnAlignedTableWithNameModelDeviceIdOnlineAndFirmware() throws Exception {
        Path options = Files.writeString(dir.resolve("options.json"), "{\"wyze\":{\"email\":\"user@example.com\"}}");
        List<CameraInfo> cams = List.of(
                new CameraInfo(CameraId.of("GW_GC1_0A1B2C3D4E5F"), "Garage", "GW_GC1", "1.0.0.1", "", true),
                new CameraInfo(CameraId.of("GW_BE1_0A1B2C3D4E60"), "Front Door", "GW_BE1", "", "", false));

        int code = run(listing(cams), "--options", options.toString(), "--data-dir", dir.toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                        NAME        MODEL                    DEVICE ID            ONLINE  FIRMWARE
                        Garage      Wyze Cam OG              GW_GC1_0A1B2C3D4E5F  yes     1.0.0.1
                        Front Door  Wyze Video Doorbell Pro  GW_BE1_0A1B2C3D4E60  no      -
                        """);
        assertThat(seenOptions.get(0).email()).isEqualTo("user@example.com");
        assertThat(seenDirs).containsExactly(dir);
    }

    @Test
    void cloudRefusalPrintsTheReasonAndMessageAndExitsWithOne() throws Exception {
        Path options = Files.writeString(dir.resolve("options.json"), "{}");

        int code = run(
                failing("bad_credentials", "Wyze rejected the e-mail or password."),
                "--options",
                options.toString(),
                "--data-dir",
                dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("bad_credentials: Wyze rejected the e-mail or password.");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void emptyAccountSaysSo() {
        assertThat(run(listing(List.of()), "--data-dir", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No GWell cameras");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run(listing(List.of()), "--data-dir", dir.toString(), "--bogus", "1"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bogus");
    }

    @Test
    void mainListsTheCommand() {
        assertThat(new Main(Main.builtIn(), System.out, System.err).help()).contains("cameras");
    }
}
