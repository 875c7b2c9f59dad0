package dev.gwellbridge.cloud;

import static dev.gwellbridge.cloud.CloudHarness.expectFailure;
import static dev.gwellbridge.cloud.FakeWyzeCloud.DEVICES;
import static dev.gwellbridge.cloud.FakeWyzeCloud.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.config.WyzeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure scenario of the fake cloud yields its reason, and the client never asks again sooner
 * than the etiquette allows (counted requests on a virtual clock).
 */
class WyzeCloudEtiquetteTest {
    @TempDir
    Path dir;

    private CloudHarness h;

    @BeforeEach
    void setUp() {
        h = new CloudHarness(dir);
    }

    @AfterEach
    void fakeSawOnlyWellFormedRequests() {
        assertThat(h.fake.violations()).isEmpty();
    }

    /** Calls {@code cameras()} every second for {@code span}, as an impatient caller would. */
    private List<String> hammer(WyzeCloud cloud, Duration span) {
        List<String> codes = new ArrayList<>();
        for (long s = 0; s < span.toSeconds(); s++) {
            try {
                cloud.cameras(true);
                codes.add("ok");
            } catch (CredentialException e) {
                codes.add(e.code());
            }
            h.clock.advance(Duration.ofSeconds(1));
        }
        return codes;
    }

    @Test
    void wrongPasswordIsBadCredentialsAndNeverRetriedAutomatically() {
        h.fake.password = "another-password";
        WyzeCloud cloud = h.start();

        CredentialException e = expectFailure("bad_credentials", () -> cloud.cameras(false));
        assertThat(e.getMessage()).contains("e-mail, password, API key id or API key");
        List<String> codes = hammer(cloud, Duration.ofHours(2));

        assertThat(codes).containsOnly("bad_credentials");
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
        assertThat(cloud.status().auth()).isEqualTo("bad_credentials");
    }

    @Test
    void lockOutIsTooManyAttemptsWithNoAutomaticRetryAndAFifteenMinuteManualWait() {
        h.fake.loginMode = FakeWyzeCloud.LoginMode.TOO_MANY_ATTEMPTS;
        WyzeCloud cloud = h.start();

        expectFailure("too_many_attempts", () -> cloud.cameras(false));
        hammer(cloud, Duration.ofMinutes(20));
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);

        h.clock.set(CloudHarness.START.plus(Duration.ofMinutes(10)));
        CommandResult early = cloud.testAndSave(new AccountCredentials(
                FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, FakeWyzeCloud.KEY_ID, FakeWyzeCloud.API_KEY, ""));
        assertThat(early.reason()).isEqualTo("rate_limited");
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);

        h.clock.set(CloudHarness.START.plus(Duration.ofMinutes(20)));
        h.fake.loginMode = FakeWyzeCloud.LoginMode.OK;
        h.options = CloudHarness.options("", "", "", "");
        WyzeCloud pageOnly = h.start();
        CommandResult later = pageOnly.testAndSave(new AccountCredentials(
                FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, FakeWyzeCloud.KEY_ID, FakeWyzeCloud.API_KEY, ""));
        assertThat(later.ok()).as(later.message()).isTrue();
        assertThat(h.fake.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void secondFactorWithoutTotpKeyIsMfaRequired() {
        h.fake.mfaRequired = true;
        WyzeCloud cloud = h.start();

        CredentialException e = expectFailure("mfa_required", () -> cloud.cameras(false));
        assertThat(e.getMessage()).contains("TotpVerificationCode").contains("wyze.totp_key");
        hammer(cloud, Duration.ofMinutes(10));
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
    }

    @Test
    void http429WaitsUntilTheResetByHeader() throws Exception {
        h.fake.rateLimited = true;
        h.fake.resetIn = Duration.ofMinutes(10);
        WyzeCloud cloud = h.start();

        CredentialException e = expectFailure("rate_limited", () -> cloud.cameras(false));
        Instant reset = CloudHarness.START.plus(Duration.ofMinutes(10));
        assertThat(e.retryAfter()).contains(reset);
        assertThat(cloud.status().backoff()).contains(reset);

        List<String> codes = hammer(cloud, Duration.ofMinutes(10).minusSeconds(1));
        assertThat(codes).containsOnly("rate_limited");
        assertThat(h.fake.totalCalls()).isEqualTo(1);

        h.fake.rateLimited = false;
        h.clock.set(reset);
        assertThat(cloud.cameras(false)).hasSize(3);
    }

    @Test
    void http429WithoutUsableHeadersBacksOffExponentially() {
        WyzeCloud cloud = h.start();
        h.fake.rateLimited = true;
        h.fake.resetIn = Duration.ofHours(5); // beyond the plausible range: ignored

        CredentialException e = expectFailure("rate_limited", () -> cloud.cameras(false));
        Duration wait = Duration.between(h.clock.instant(), e.retryAfter().orElseThrow());
        assertThat(wait)
                .isBetween(
                        Etiquette.RATE_LIMIT_BASE,
                        Etiquette.RATE_LIMIT_BASE.multipliedBy(12).dividedBy(10));
    }

    @Test
    void fewRemainingRequestsPauseTheClientUntilTheReset() throws Exception {
        h.fake.remaining = 5;
        h.fake.resetIn = Duration.ofMinutes(3);
        WyzeCloud cloud = h.start();

        CredentialException e = expectFailure("rate_limited", () -> cloud.cameras(false));
        assertThat(e.retryAfter()).contains(CloudHarness.START.plus(Duration.ofMinutes(3)));
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
        assertThat(h.fake.calls(DEVICES)).isZero();

        h.fake.remaining = null;
        h.clock.advance(Duration.ofMinutes(3));
        assertThat(cloud.cameras(false)).hasSize(3);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
    }

    @Test
    void serverErrorsBackOffAndLoginsStayThirtySecondsOrMoreApartWithGrowingGaps() {
        h.fake.serverError = 503;
        WyzeCloud cloud = h.start();

        List<String> codes = hammer(cloud, Duration.ofHours(1));
        assertThat(codes).containsOnly("cloud_unreachable");
        List<Instant> at =
                h.transport.sent().stream().map(FakeTransport.Sent::at).toList();
        assertThat(at).hasSizeBetween(5, 8);
        for (int i = 1; i < at.size(); i++) {
            Duration gap = Duration.between(at.get(i - 1), at.get(i));
            assertThat(gap).isGreaterThanOrEqualTo(LoginGate.MIN_GAP.multipliedBy(1L << (i - 1)));
        }
        Instant hourAgo = h.clock.instant().minus(Duration.ofHours(1));
        assertThat(cloud.status().callsLastHour())
                .isEqualTo(at.stream().filter(t -> t.isAfter(hourAgo)).count());
    }

    @Test
    void loginBackoffIsCappedAtOneHour() {
        h.fake.serverError = 500;
        WyzeCloud cloud = h.start();

        hammer(cloud, Duration.ofHours(8));
        List<Instant> at =
                h.transport.sent().stream().map(FakeTransport.Sent::at).toList();
        Duration lastGap = Duration.between(at.get(at.size() - 2), at.get(at.size() - 1));
        assertThat(lastGap)
                .isBetween(Duration.ofHours(1), Duration.ofMinutes(72).plusSeconds(1));
    }

    @Test
    void unreachableCloudIsCloudUnreachable() {
        h.transport.down = true;
        WyzeCloud cloud = h.start();

        CredentialException e = expectFailure("cloud_unreachable", () -> cloud.cameras(false));
        assertThat(e.getMessage()).contains("auth.fake.invalid").contains("ConnectException");
        assertThat(e.retryAfter()).isPresent();
    }

    @Test
    void slowAnswerBeyondTheTimeoutIsCloudUnreachable() {
        h.fake.delay = Duration.ofSeconds(31);
        WyzeCloud cloud = h.start();

        CredentialException e = expectFailure("cloud_unreachable", () -> cloud.cameras(false));
        assertThat(e.getMessage()).contains("did not answer");
    }

    @Test
    void slowAnswerWithinTheTimeoutIsFine() throws Exception {
        h.fake.delay = Duration.ofSeconds(4);
        assertThat(h.start().cameras(false)).hasSize(3);
    }

    @Test
    void malformedJsonIsUnexpectedResponse() {
        h.fake.malformed.add(DEVICES);
        WyzeCloud cloud = h.start();

        CredentialException e = expectFailure("unexpected_response", () -> cloud.cameras(false));
        assertThat(e.getMessage()).contains("camera list").contains("not a JSON object");
    }

    @Test
    void malformedLoginAnswerIsUnexpectedResponse() {
        h.fake.malformed.add(LOGIN);
        expectFailure("unexpected_response", () -> h.start().cameras(false));
    }

    @Test
    void blockedLoginPageIsUnexpectedResponseNamingHttp403() {
        h.fake.loginMode = FakeWyzeCloud.LoginMode.FORBIDDEN_HTML;
        CredentialException e =
                expectFailure("unexpected_response", () -> h.start().cameras(false));
        assertThat(e.getMessage()).contains("403");
    }

    @Test
    void missingCredentialsAreNotConfiguredWithoutAnyRequest() {
        h.options = WyzeOptions.NONE;
        WyzeCloud cloud = h.start();

        expectFailure("not_configured", () -> cloud.cameras(false));
        expectFailure(
                "not_configured",
                () -> cloud.credential(dev.gwellbridge.camera.CameraId.of("GW_GC1_0A1B2C3D4E5F"), false));
        assertThat(cloud.status().auth()).isEqualTo("not_configured");
        assertThat(cloud.status().credentialSource()).isEqualTo("none");
        assertThat(h.fake.totalCalls()).isZero();
    }

    @Test
    void missingOrMalformedApiKeyIsRefusedBeforeSending() {
        h.options = CloudHarness.options(
                FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, "not-a-key-id", FakeWyzeCloud.API_KEY);
        CredentialException e =
                expectFailure("api_key_missing_or_invalid", () -> h.start().cameras(false));
        assertThat(e.getMessage()).contains("wyze.api_id");

        h.options = CloudHarness.options(FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, FakeWyzeCloud.KEY_ID, "short");
        e = expectFailure("api_key_missing_or_invalid", () -> h.start().cameras(false));
        assertThat(e.getMessage()).contains("wyze.api_key");

        h.options = CloudHarness.options(FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, FakeWyzeCloud.KEY_ID, "");
        WyzeCloud cloud = h.start();
        expectFailure("api_key_missing_or_invalid", () -> cloud.cameras(false));
        assertThat(cloud.status().auth()).isEqualTo("api_key_missing_or_invalid");
        assertThat(h.fake.totalCalls()).isZero();
    }

    @Test
    void wrongApiKeyIsReportedAsBadCredentialsBecauseWyzeDoesNotSayWhich() {
        h.options = CloudHarness.options(
                FakeWyzeCloud.EMAIL,
                FakeWyzeCloud.PASSWORD,
                FakeWyzeCloud.KEY_ID,
                "X" + FakeWyzeCloud.API_KEY.substring(1));
        expectFailure("bad_credentials", () -> h.start().cameras(false));
    }

    @Test
    void staleCameraListIsServedWhileTheCloudFails() throws Exception {
        WyzeCloud cloud = h.start();
        cloud.cameras(false);
        h.fake.serverError = 503;
        h.clock.advance(WyzeCloud.LIST_MAX_AGE);

        assertThat(cloud.cameras(false)).hasSize(3);
        int after = h.fake.totalCalls();
        assertThat(cloud.cameras(false)).hasSize(3);
        assertThat(h.fake.totalCalls()).isEqualTo(after);
        assertThat(cloud.status().auth()).isEqualTo("cloud_unreachable");
    }
}
