package dev.gwellbridge.cloud;

import static dev.gwellbridge.cloud.FakeWyzeCloud.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.AccountFields;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.CredentialException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's side of the account: test-and-save, fields, status. */
class AccountPortTest {
    @TempDir
    Path dir;

    private CloudHarness h;

    @BeforeEach
    void setUp() {
        h = new CloudHarness(dir);
        h.options = CloudHarness.options("", "", "", "");
    }

    @AfterEach
    void fakeSawOnlyWellFormedRequests() {
        assertThat(h.fake.violations()).isEmpty();
    }

    private static AccountCredentials page(String password) {
        return new AccountCredentials(FakeWyzeCloud.EMAIL, password, FakeWyzeCloud.KEY_ID, FakeWyzeCloud.API_KEY, "");
    }

    @Test
    void workingPageCredentialsAreSavedAndUsedAfterARestartWithoutANewLogin() throws Exception {
        WyzeCloud cloud = h.start();
        assertThat(cloud.fields().source()).isEqualTo("none");

        CommandResult r = cloud.testAndSave(page(FakeWyzeCloud.PASSWORD));

        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.message()).contains(FakeWyzeCloud.EMAIL);
        assertThat(cloud.fields()).isEqualTo(new AccountFields(FakeWyzeCloud.EMAIL, true, true, true, false, "page"));
        assertThat(cloud.status().auth()).isEqualTo("ok");
        assertThat(h.start().cameras(false)).hasSize(3);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
    }

    @Test
    void emptyFieldsKeepTheStoredValues() {
        assertThat(h.start().testAndSave(page(FakeWyzeCloud.PASSWORD)).ok()).isTrue();

        CommandResult r = h.start().testAndSave(new AccountCredentials(FakeWyzeCloud.EMAIL, "", "", "", ""));

        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(h.fake.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void rejectedCredentialsAreNotStoredAndTheNextTestWaitsThirtySeconds() {
        WyzeCloud cloud = h.start();

        CommandResult wrong = cloud.testAndSave(page("wrong-password"));
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.reason()).isEqualTo("bad_credentials");
        assertThat(cloud.fields().passwordSet()).isFalse();
        assertThat(dir.resolve(WyzeCloud.ACCOUNT_FILE)).doesNotExist();

        h.clock.advance(Duration.ofSeconds(29));
        CommandResult tooSoon = cloud.testAndSave(page(FakeWyzeCloud.PASSWORD));
        assertThat(tooSoon.reason()).isEqualTo("rate_limited");
        assertThat(tooSoon.message()).contains("next attempt is allowed after");
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);

        h.clock.advance(Duration.ofSeconds(7));
        assertThat(cloud.testAndSave(page(FakeWyzeCloud.PASSWORD)).ok()).isTrue();
        assertThat(h.fake.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void aFailedTestOfOtherCredentialsLeavesTheWorkingAccountAndItsStatusAlone() throws Exception {
        WyzeCloud cloud = h.start();
        assertThat(cloud.testAndSave(page(FakeWyzeCloud.PASSWORD)).ok()).isTrue();

        CommandResult typo = cloud.testAndSave(page("wrong-password"));

        assertThat(typo.reason()).isEqualTo("bad_credentials");
        assertThat(cloud.status().auth()).isEqualTo("ok");
        // Once the session is gone, the stored credentials still log in by themselves.
        h.clock.advance(Duration.ofMinutes(1));
        h.fake.expireAllAccessTokens();
        h.fake.refreshRejects = true;
        assertThat(cloud.cameras(true)).hasSize(3);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(3);
        assertThat(cloud.status().auth()).isEqualTo("ok");
    }

    @Test
    void aFailedRetestOfTheStoredCredentialsPausesAutomaticLogins() {
        WyzeCloud cloud = h.start();
        assertThat(cloud.testAndSave(page(FakeWyzeCloud.PASSWORD)).ok()).isTrue();
        h.fake.password = "changed-at-wyze";

        CommandResult retest = cloud.testAndSave(new AccountCredentials(FakeWyzeCloud.EMAIL, "", "", "", ""));

        assertThat(retest.reason()).isEqualTo("bad_credentials");
        assertThat(cloud.status().auth()).isEqualTo("bad_credentials");
        h.clock.advance(Duration.ofDays(1));
        h.fake.expireAllAccessTokens();
        h.fake.refreshRejects = true;
        CredentialException paused = CloudHarness.expectFailure("bad_credentials", () -> cloud.cameras(true));
        assertThat(paused.getMessage()).contains("paused");
        assertThat(h.fake.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void malformedKeyIdIsRefusedWithoutARequest() {
        CommandResult r = h.start()
                .testAndSave(new AccountCredentials(
                        FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, "1234", FakeWyzeCloud.API_KEY, ""));

        assertThat(r.reason()).isEqualTo("api_key_missing_or_invalid");
        assertThat(h.fake.totalCalls()).isZero();
    }

    @Test
    void optionsCredentialsWinOverPageCredentials() throws Exception {
        h.options = CloudHarness.options(
                FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, FakeWyzeCloud.KEY_ID, FakeWyzeCloud.API_KEY);
        WyzeCloud cloud = h.start();
        cloud.cameras(false);

        CommandResult r = cloud.testAndSave(page(FakeWyzeCloud.PASSWORD));

        assertThat(r.ok()).isTrue();
        assertThat(r.message()).contains("options stay in use");
        assertThat(cloud.fields().source()).isEqualTo("options");
        assertThat(cloud.status().credentialSource()).isEqualTo("options");
    }

    @Test
    void pageFillsFieldsTheOptionsLeaveEmpty() {
        assertThat(h.start().testAndSave(page(FakeWyzeCloud.PASSWORD)).ok()).isTrue();
        h.options = CloudHarness.options(FakeWyzeCloud.EMAIL, "", "", "");

        assertThat(h.start().fields().source()).isEqualTo("page");
    }

    @Test
    void statusReportsBackoffAndCallsOfTheLastHour() {
        WyzeCloud cloud = h.start();
        cloud.testAndSave(page("wrong-password"));

        CloudStatus s = cloud.status();
        assertThat(s.auth()).isEqualTo("not_configured");
        assertThat(s.callsLastHour()).isEqualTo(1);

        assertThat(cloud.testAndSave(page(FakeWyzeCloud.PASSWORD)).reason()).isEqualTo("rate_limited");
        h.clock.advance(Duration.ofMinutes(1));
        assertThat(cloud.testAndSave(page(FakeWyzeCloud.PASSWORD)).ok()).isTrue();
        assertThat(cloud.status().callsLastHour()).isEqualTo(2);
        assertThat(cloud.status().backoff()).isEmpty();
        h.clock.advance(Duration.ofMinutes(61));
        assertThat(cloud.status().callsLastHour()).isZero();
    }

    @Test
    void statusShowsTheLoginBackoffAfterAFailure() {
        h.options = CloudHarness.options(
                FakeWyzeCloud.EMAIL, "wrong-password", FakeWyzeCloud.KEY_ID, FakeWyzeCloud.API_KEY);
        WyzeCloud cloud = h.start();
        CloudHarness.expectFailure("bad_credentials", () -> cloud.cameras(false));

        CloudStatus s = cloud.status();
        assertThat(s.auth()).isEqualTo("bad_credentials");
        assertThat(s.message()).contains("Wyze rejected");
        assertThat(s.backoff()).isPresent();
        assertThat(Duration.between(h.clock.instant(), s.backoffUntil()))
                .isBetween(LoginGate.MIN_GAP, LoginGate.MIN_GAP.multipliedBy(12).dividedBy(10));
    }
}
