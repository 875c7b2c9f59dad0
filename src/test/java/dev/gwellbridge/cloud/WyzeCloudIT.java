package dev.gwellbridge.cloud;

import static dev.gwellbridge.cloud.CloudHarness.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.config.WyzeOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client over real HTTP ({@code java.net.http}) against the fake cloud on loopback. */
@Timeout(60)
class WyzeCloudIT {
    @TempDir
    Path dir;

    private final FakeWyzeCloud fake = new FakeWyzeCloud(InstantSource.system());
    private FakeWyzeServer server;

    @BeforeEach
    void start() {
        server = new FakeWyzeServer(fake);
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(fake.violations()).isEmpty();
    }

    private WyzeCloud client(Duration timeout) {
        URI base = server.baseUrl();
        WyzeOptions options = new WyzeOptions(
                FakeWyzeCloud.EMAIL,
                FakeWyzeCloud.PASSWORD,
                FakeWyzeCloud.KEY_ID,
                FakeWyzeCloud.API_KEY,
                "",
                base,
                base,
                base,
                false);
        return new WyzeCloud(options, dir, new JdkCloudHttp(timeout), InstantSource.system(), new SplittableRandom(5));
    }

    @Test
    void listsCamerasAndMintsACredentialOverHttp() throws Exception {
        WyzeCloud cloud = client(Duration.ofSeconds(10));

        assertThat(cloud.cameras(false)).hasSize(3);
        P2pCredential c = cloud.credential(CameraId.of("GW_GC1_0A1B2C3D4E5F"), false);

        assertThat(MarsToken.parse(c.accessToken()).tail()).hasSize(80);
        assertThat(c.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThat(fake.calls(FakeWyzeCloud.MARS)).isEqualTo(1);
    }

    @Test
    void rateLimitHeadersSurviveTheRealHttpStack() {
        fake.rateLimited = true;
        fake.resetIn = Duration.ofMinutes(7);

        CredentialException e = expectFailure(
                "rate_limited", () -> client(Duration.ofSeconds(10)).cameras(false));

        Instant expected = Instant.now().plus(Duration.ofMinutes(7));
        assertThat(e.retryAfter().orElseThrow()).isBetween(expected.minusSeconds(10), expected.plusSeconds(1));
    }

    @Test
    void slowCloudTimesOutAsCloudUnreachable() {
        fake.delay = Duration.ofMillis(1500);

        CredentialException e = expectFailure(
                "cloud_unreachable", () -> client(Duration.ofMillis(300)).cameras(false));

        assertThat(e.getMessage()).contains("did not answer");
    }

    @Test
    void closedPortIsCloudUnreachable() {
        WyzeCloud cloud = client(Duration.ofSeconds(5));
        server.close();

        expectFailure("cloud_unreachable", () -> cloud.cameras(false));
    }
}
