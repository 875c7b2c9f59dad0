package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.cloud.FakeWyzeCloud;
import dev.gwellbridge.cloud.FakeWyzeServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar gwell-bridge.jar cameras} as a process against the fake cloud over HTTP. */
@Timeout(120)
class CamerasCommandIT {
    @TempDir
    Path dir;

    private final FakeWyzeCloud cloud = new FakeWyzeCloud(InstantSource.system());
    private FakeWyzeServer server;

    /** What a finished process printed. */
    private record Result(int exit, String out, String err) {}

    @BeforeEach
    void startFakeCloud() {
        server = new FakeWyzeServer(cloud);
    }

    @AfterEach
    void stopFakeCloud() {
        server.close();
        assertThat(cloud.violations()).isEmpty();
    }

    private Path options(String password) throws IOException {
        String base = server.baseUrl().toString();
        String json = "{\"wyze\":{\"email\":\"" + FakeWyzeCloud.EMAIL + "\",\"password\":\"" + password + "\","
                + "\"api_id\":\"" + FakeWyzeCloud.KEY_ID + "\",\"api_key\":\"" + FakeWyzeCloud.API_KEY + "\","
                + "\"auth_url\":\"" + base + "\",\"api_url\":\"" + base + "\",\"mars_url\":\"" + base + "\"}}";
        return Files.writeString(dir.resolve("options.json"), json);
    }

    private Result cameras(Path options, Path dataDir) throws Exception {
        String jar = System.getProperty("gwell.jar");
        assertThat(jar).as("system property gwell.jar (set by Failsafe)").isNotBlank();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar,
                "cameras",
                "--options",
                options.toString(),
                "--data-dir",
                dataDir.toString());
        pb.environment().remove("SUPERVISOR_TOKEN");
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Result(
                p.exitValue(),
                Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void printsTheAccountsGwellCamerasAndReusesTheSessionOnTheNextRun() throws Exception {
        Path options = options(FakeWyzeCloud.PASSWORD);
        Path data = dir.resolve("data");

        Result r = cameras(options, data);

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("NAME +MODEL +DEVICE ID +ONLINE +FIRMWARE");
        assertThat(lines.get(1)).matches("Garage +Wyze Cam OG +GW_GC1_0A1B2C3D4E5F +yes +1\\.0\\.0\\.1");
        assertThat(lines.get(2)).matches("Front Door +Wyze Video Doorbell Pro +GW_BE1_0A1B2C3D4E60 +no +1\\.0\\.0\\.2");
        assertThat(lines.get(3)).matches("Window +Wyze Window Cam +GW_WC_0A1B2C3D4E61 +yes +1\\.0\\.0\\.3");
        assertThat(cloud.calls(FakeWyzeCloud.LOGIN)).isEqualTo(1);
        assertThat(data.resolve("cloud-state.json")).exists();

        Result again = cameras(options, data);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(r.out());
        assertThat(cloud.calls(FakeWyzeCloud.LOGIN)).isEqualTo(1);
        assertThat(cloud.calls(FakeWyzeCloud.DEVICES)).isEqualTo(2);
    }

    @Test
    void wrongPasswordExitsWithOneAndBadCredentialsWithoutShowingThePassword() throws Exception {
        String wrong = "Wr0ng-" + FakeWyzeCloud.PASSWORD;

        Result r = cameras(options(wrong), dir.resolve("data"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad_credentials").contains("Wyze rejected");
        String all = r.out() + r.err();
        assertThat(all)
                .doesNotContain(wrong)
                .doesNotContain(FakeWyzeCloud.tripleMd5(wrong))
                .doesNotContain(FakeWyzeCloud.API_KEY);
        assertThat(cloud.calls(FakeWyzeCloud.LOGIN)).isEqualTo(1);
    }
}
