package dev.gwellbridge.cloud;

import static dev.gwellbridge.cloud.CloudHarness.expectFailure;
import static dev.gwellbridge.cloud.FakeWyzeCloud.LOGIN;
import static dev.gwellbridge.cloud.FakeWyzeCloud.MARS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.P2pCredential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-device credential cache and the state files across restarts. */
class CredentialCacheTest {
    private static final CameraId GARAGE = CameraId.of("GW_GC1_0A1B2C3D4E5F");
    private static final CameraId DOOR = CameraId.of("GW_BE1_0A1B2C3D4E60");

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

    @Test
    void secondStartWithinValidityMakesNoMarsCallAndNoRequestAtAll() throws Exception {
        P2pCredential first = h.start().credential(GARAGE, false);
        int calls = h.fake.totalCalls();
        h.clock.advance(Duration.ofDays(3));

        P2pCredential again = h.start().credential(GARAGE, false);

        assertThat(again).isEqualTo(first);
        assertThat(h.fake.calls(MARS)).isEqualTo(1);
        assertThat(h.fake.totalCalls()).isEqualTo(calls);
    }

    @Test
    void credentialWithinAnHourOfExpiryIsReminted() throws Exception {
        WyzeCloud cloud = h.start();
        P2pCredential first = cloud.credential(GARAGE, false);
        h.clock.set(first.expiresAt().minus(Duration.ofMinutes(61)));
        assertThat(cloud.credential(GARAGE, false)).isEqualTo(first);

        h.clock.set(first.expiresAt().minus(Duration.ofMinutes(60)));
        P2pCredential second = cloud.credential(GARAGE, false);

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(h.fake.calls(MARS)).isEqualTo(2);
    }

    @Test
    void eachDeviceGetsItsOwnCredential() throws Exception {
        WyzeCloud cloud = h.start();
        P2pCredential garage = cloud.credential(GARAGE, false);
        P2pCredential door = cloud.credential(DOOR, false);

        assertThat(h.fake.marsDevices()).containsExactly(GARAGE.deviceId(), DOOR.deviceId());
        assertThat(garage.accessId()).isEqualTo(FakeWyzeCloud.accessId(GARAGE.deviceId()));
        assertThat(door.accessId()).isEqualTo(FakeWyzeCloud.accessId(DOOR.deviceId()));
        assertThat(cloud.credential(GARAGE, false)).isEqualTo(garage);
        assertThat(h.start().credential(DOOR, false)).isEqualTo(door);
        assertThat(h.fake.calls(MARS)).isEqualTo(2);
    }

    @Test
    void forcedRefreshMintsOnceThenServesTheNewCredentialForAWhile() throws Exception {
        WyzeCloud cloud = h.start();
        P2pCredential old = cloud.credential(GARAGE, false);
        h.clock.advance(Duration.ofHours(1));

        P2pCredential fresh = cloud.credential(GARAGE, true);
        assertThat(fresh.accessToken()).isNotEqualTo(old.accessToken());
        assertThat(cloud.credential(GARAGE, true)).isEqualTo(fresh);
        assertThat(cloud.credential(GARAGE, false)).isEqualTo(fresh);
        assertThat(h.fake.calls(MARS)).isEqualTo(2);

        h.clock.advance(WyzeCloud.FORCED_MINT_MIN_AGE);
        assertThat(cloud.credential(GARAGE, true).accessToken()).isNotEqualTo(fresh.accessToken());
        assertThat(h.fake.calls(MARS)).isEqualTo(3);
    }

    @Test
    void freshTokenPerSessionMintsForEveryConnectionButNotInABurst() throws Exception {
        h.options = CloudHarness.freshPerSession(h.options);
        WyzeCloud cloud = h.start();
        P2pCredential first = cloud.credential(GARAGE, false);

        CredentialException e = expectFailure("rate_limited", () -> cloud.credential(GARAGE, false));
        assertThat(e.retryAfter()).contains(CloudHarness.START.plus(WyzeCloud.FRESH_MINT_MIN_INTERVAL));
        h.clock.advance(WyzeCloud.FRESH_MINT_MIN_INTERVAL);

        assertThat(cloud.credential(GARAGE, false).accessToken()).isNotEqualTo(first.accessToken());
        assertThat(h.fake.calls(MARS)).isEqualTo(2);
    }

    @Test
    void corruptedStateFileIsMovedAsideAndRebuiltWithoutTouchingThePageCredentials() throws Exception {
        h.options = CloudHarness.options("", "", "", "");
        WyzeCloud first = h.start();
        assertThat(first.testAndSave(pageCredentials()).ok()).isTrue();
        first.credential(GARAGE, false);
        Path state = dir.resolve(WyzeCloud.STATE_FILE);
        Path account = dir.resolve(WyzeCloud.ACCOUNT_FILE);
        byte[] accountBefore = Files.readAllBytes(account);
        Files.writeString(state, "{\"version\":1,\"phone_id\":\"x\",\"session\":{", StandardCharsets.UTF_8);

        WyzeCloud second = h.start();
        assertThat(second.cameras(false)).hasSize(3);
        second.credential(GARAGE, false);

        assertThat(h.fake.calls(LOGIN)).isEqualTo(2);
        assertThat(h.fake.calls(MARS)).isEqualTo(2);
        assertThat(Files.readAllBytes(account)).isEqualTo(accountBefore);
        List<Path> aside = corruptCopies(WyzeCloud.STATE_FILE);
        assertThat(aside).hasSize(1);
        assertThat(Files.readString(aside.get(0))).startsWith("{\"version\":1,\"phone_id\":\"x\"");
        assertThat(Json.MAPPER.readTree(state.toFile()).path("credentials").has(GARAGE.deviceId()))
                .isTrue();
    }

    @Test
    void corruptedAccountFileIsMovedAsideWithoutTouchingTheCloudState() throws Exception {
        h.options = CloudHarness.options("", "", "", "");
        WyzeCloud first = h.start();
        assertThat(first.testAndSave(pageCredentials()).ok()).isTrue();
        Path state = dir.resolve(WyzeCloud.STATE_FILE);
        byte[] stateBefore = Files.readAllBytes(state);
        Files.write(dir.resolve(WyzeCloud.ACCOUNT_FILE), new byte[] {(byte) 0xff, 0x00, '{'});

        WyzeCloud second = h.start();

        assertThat(second.fields().source()).isEqualTo("none");
        assertThat(second.status().auth()).isEqualTo("not_configured");
        assertThat(corruptCopies(WyzeCloud.ACCOUNT_FILE)).hasSize(1);
        assertThat(Files.readAllBytes(state)).isEqualTo(stateBefore);
        assertThat(second.testAndSave(pageCredentials()).ok()).isTrue();
        assertThat(h.start().cameras(false)).hasSize(3);
    }

    @Test
    void stateFilesAreOwnerOnly() throws Exception {
        h.options = CloudHarness.options("", "", "", "");
        WyzeCloud cloud = h.start();
        assertThat(cloud.testAndSave(pageCredentials()).ok()).isTrue();
        cloud.credential(GARAGE, false);

        Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dir.resolve(WyzeCloud.STATE_FILE)))
                .isEqualTo(ownerOnly);
        assertThat(Files.getPosixFilePermissions(dir.resolve(WyzeCloud.ACCOUNT_FILE)))
                .isEqualTo(ownerOnly);
    }

    @Test
    void pagePasswordIsStoredOnlyAsItsHash() throws Exception {
        h.options = CloudHarness.options("", "", "", "");
        assertThat(h.start().testAndSave(pageCredentials()).ok()).isTrue();

        String stored = Files.readString(dir.resolve(WyzeCloud.ACCOUNT_FILE));
        assertThat(stored).doesNotContain(FakeWyzeCloud.PASSWORD);
        assertThat(stored).contains(FakeWyzeCloud.tripleMd5(FakeWyzeCloud.PASSWORD));
    }

    @Test
    void switchingAccountsForgetsThePreviousAccountsCredentials() throws Exception {
        h.start().credential(GARAGE, false);
        h.options = CloudHarness.options(
                "Other@Example.com", FakeWyzeCloud.PASSWORD, FakeWyzeCloud.KEY_ID, FakeWyzeCloud.API_KEY);

        // The fake knows only user@example.com, so the new account's login fails, and the old
        // account's cached credential must not be handed out meanwhile.
        expectFailure("bad_credentials", () -> h.start().credential(GARAGE, false));
        assertThat(Json.MAPPER
                        .readTree(dir.resolve(WyzeCloud.STATE_FILE).toFile())
                        .path("credentials")
                        .size())
                .isZero();
    }

    private static AccountCredentials pageCredentials() {
        return new AccountCredentials(
                FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, FakeWyzeCloud.KEY_ID, FakeWyzeCloud.API_KEY, "");
    }

    private List<Path> corruptCopies(String name) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name + ".corrupt-"))
                    .toList();
        }
    }
}
