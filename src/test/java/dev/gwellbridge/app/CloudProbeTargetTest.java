package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code probe --from-cloud}: which camera {@code --camera} names and where its credential comes from. */
class CloudProbeTargetTest {
    private static final CameraInfo GARAGE =
            new CameraInfo(CameraId.of("GW_GC1_0A1B2C3D4E5F"), "Garage", "GW_GC1", "1.0.0.1", "192.168.1.20", true);
    private static final CameraInfo FRONT =
            new CameraInfo(CameraId.of("GW_BE1_0A1B2C3D4E60"), "Front Door", "GW_BE1", "1.0.0.2", "", true);
    private static final CameraInfo FRONT_2 =
            new CameraInfo(CameraId.of("GW_GC1_0A1B2C3D4E61"), "front-door", "GW_GC1", "1.0.0.2", "", true);
    private static final String TOKEN = "ab".repeat(64) + "AAAA";

    @TempDir
    Path dir;

    private final List<CameraId> credentialsAskedFor = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();

    private final CredentialSource account = new CredentialSource() {
        @Override
        public List<CameraInfo> cameras(boolean forceRefresh) {
            return List.of(GARAGE, FRONT);
        }

        @Override
        public P2pCredential credential(CameraId id, boolean forceFresh) {
            credentialsAskedFor.add(id);
            return new P2pCredential("-" + id.mac().length(), TOKEN, Instant.MAX);
        }
    };

    private ProbeTarget resolve(CredentialSource source, String... argv) throws Exception {
        Path options = Files.writeString(dir.resolve("options.json"), "{}");
        List<String> all = new ArrayList<>(List.of("--options", options.toString(), "--data-dir", dir.toString()));
        all.addAll(List.of(argv));
        Args args = Args.parse(all, Set.of("from-cloud"));
        CloudProbeTarget target = new CloudProbeTarget(
                Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                (WyzeOptions w, Path data) -> {
                    dataDirs.add(data);
                    return source;
                });
        ProbeTarget t = target.resolve(args);
        args.rejectUnknown();
        return t;
    }

    @Test
    void matchesByDeviceIdNicknameOrSlug() throws Exception {
        List<CameraInfo> all = List.of(GARAGE, FRONT);
        assertThat(CloudProbeTarget.match(all, "gw_be1_0a1b2c3d4e60")).isEqualTo(FRONT);
        assertThat(CloudProbeTarget.match(all, "front door")).isEqualTo(FRONT);
        assertThat(CloudProbeTarget.match(all, "front_door")).isEqualTo(FRONT);
        assertThat(CloudProbeTarget.match(all, "GARAGE")).isEqualTo(GARAGE);
    }

    @Test
    void anUnknownOrAmbiguousNameIsAUsageErrorThatListsTheCameras() {
        assertThatThrownBy(() -> CloudProbeTarget.match(List.of(GARAGE, FRONT), "Porch"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--camera")
                .hasMessageContaining("Garage (GW_GC1_0A1B2C3D4E5F)")
                .hasMessageContaining("Front Door (GW_BE1_0A1B2C3D4E60)");
        assertThatThrownBy(() -> CloudProbeTarget.match(List.of(FRONT, FRONT_2), "front_door"))
                .hasMessageContaining("several cameras")
                .hasMessageContaining("device id");
        assertThatThrownBy(() -> CloudProbeTarget.match(List.of(), "Garage")).hasMessageContaining("no GWell cameras");
    }

    @Test
    void theCredentialAndLanIpComeFromTheAccount() throws Exception {
        ProbeTarget t = resolve(account, "--camera", "Garage");

        assertThat(t.camera()).isEqualTo(GARAGE.id());
        assertThat(t.accessToken()).isEqualTo(TOKEN);
        assertThat(t.accessId()).isEqualTo("-12");
        assertThat(t.lanIp()).isEqualTo("192.168.1.20");
        assertThat(credentialsAskedFor).containsExactly(GARAGE.id());
        assertThat(dataDirs).containsExactly(dir);
    }

    @Test
    void lanIpOnTheCommandLineWinsAndIsValidated() throws Exception {
        assertThat(resolve(account, "--camera", "front_door", "--lan-ip", "10.0.0.7")
                        .lanIp())
                .isEqualTo("10.0.0.7");
        assertThatThrownBy(() -> resolve(account, "--camera", "Garage", "--lan-ip", "cam.local"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--lan-ip");
        assertThat(credentialsAskedFor).containsExactly(FRONT.id());
    }

    @Test
    void withoutCameraTheOptionIsNamed() {
        assertThatThrownBy(() -> resolve(account))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--camera");
    }

    @Test
    void aCloudRefusalPropagatesWithItsCode() {
        CredentialSource refusing = new CredentialSource() {
            @Override
            public List<CameraInfo> cameras(boolean forceRefresh) throws CredentialException {
                throw new CredentialException("bad_credentials", "Wyze rejected the email or password", null);
            }

            @Override
            public P2pCredential credential(CameraId id, boolean forceFresh) {
                throw new AssertionError("no credential without a camera list");
            }
        };
        assertThatThrownBy(() -> resolve(refusing, "--camera", "Garage"))
                .isInstanceOf(CredentialException.class)
                .satisfies(e -> assertThat(((CredentialException) e).code()).isEqualTo("bad_credentials"));
    }
}
