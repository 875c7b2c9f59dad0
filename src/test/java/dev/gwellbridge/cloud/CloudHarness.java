package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.config.WyzeOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A virtual clock, the fake cloud behind an in-memory transport, and a data directory. */
final class CloudHarness {
    static final Instant START = Instant.ofEpochSecond(1_700_000_000L);
    static final URI AUTH = URI.create("https://auth.fake.invalid");
    static final URI API = URI.create("https://api.fake.invalid/");
    static final URI MARS = URI.create("https://mars.fake.invalid");

    final ManualClock clock = new ManualClock(START);
    final FakeWyzeCloud fake = new FakeWyzeCloud(clock);
    final FakeTransport transport = new FakeTransport(fake, clock, Duration.ofSeconds(30));
    final Path dataDir;
    WyzeOptions options;

    CloudHarness(Path dataDir) {
        this.dataDir = dataDir;
        this.options =
                options(FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, FakeWyzeCloud.KEY_ID, FakeWyzeCloud.API_KEY);
    }

    static WyzeOptions options(String email, String password, String apiId, String apiKey) {
        return new WyzeOptions(email, password, apiId, apiKey, "", AUTH, API, MARS, false);
    }

    static WyzeOptions withTotp(WyzeOptions o, String totp) {
        return new WyzeOptions(
                o.email(), o.password(), o.apiId(), o.apiKey(), totp, o.authUrl(), o.apiUrl(), o.marsUrl(), false);
    }

    static WyzeOptions freshPerSession(WyzeOptions o) {
        return new WyzeOptions(
                o.email(),
                o.password(),
                o.apiId(),
                o.apiKey(),
                o.totpKey(),
                o.authUrl(),
                o.apiUrl(),
                o.marsUrl(),
                true);
    }

    /** A new client on the same data directory, as after a restart. */
    WyzeCloud start() {
        return new WyzeCloud(options, dataDir, transport, clock, new SplittableRandom(42));
    }

    /** Runs {@code call}, expecting a {@link CredentialException} with {@code code}. */
    static CredentialException expectFailure(String code, ThrowingCallable call) {
        CredentialException e = catchThrowableOfType(CredentialException.class, call);
        assertThat(e).as("expected a CredentialException " + code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }
}
