package dev.gwellbridge.cloud;

import static dev.gwellbridge.cloud.CloudHarness.expectFailure;
import static dev.gwellbridge.cloud.FakeWyzeCloud.DEVICES;
import static dev.gwellbridge.cloud.FakeWyzeCloud.LOGIN;
import static dev.gwellbridge.cloud.FakeWyzeCloud.MARS;
import static dev.gwellbridge.cloud.FakeWyzeCloud.MFA;
import static dev.gwellbridge.cloud.FakeWyzeCloud.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.P2pCredential;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the fake cloud, in memory, on a virtual clock: happy path and token handling. */
class WyzeCloudTest {
    private static final CameraId GARAGE = CameraId.of("GW_GC1_0A1B2C3D4E5F");

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
    void listsTheAccountsGwellCamerasWithModelFirmwareOnlineStateAndLanIp() throws Exception {
        List<CameraInfo> cams = h.start().cameras(false);

        assertThat(cams)
                .extracting(c -> c.id().deviceId())
                .containsExactly("GW_GC1_0A1B2C3D4E5F", "GW_BE1_0A1B2C3D4E60", "GW_WC_0A1B2C3D4E61");
        CameraInfo garage = cams.get(0);
        assertThat(garage.name()).isEqualTo("Garage");
        assertThat(garage.modelId()).isEqualTo("GW_GC1");
        assertThat(garage.modelName()).isEqualTo("Wyze Cam OG");
        assertThat(garage.firmware()).isEqualTo("1.0.0.1");
        assertThat(garage.cloudOnline()).isTrue();
        assertThat(garage.lanAddress()).isEmpty();
        assertThat(cams.get(1).cloudOnline()).isFalse();
        assertThat(cams.get(1).modelName()).isEqualTo("Wyze Video Doorbell Pro");
        assertThat(cams.get(2).lanAddress()).contains("192.0.2.20");
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
        assertThat(h.fake.calls(DEVICES)).isEqualTo(1);
    }

    @Test
    void sendsEachCallToItsConfiguredHostWithTheDocumentedHeaders() throws Exception {
        WyzeCloud cloud = h.start();
        cloud.cameras(false);
        cloud.credential(GARAGE, false);

        List<FakeTransport.Sent> sent = h.transport.sent();
        assertThat(sent)
                .extracting(s -> s.uri().toString())
                .containsExactly(
                        "https://auth.fake.invalid/api/user/login",
                        "https://api.fake.invalid/app/v2/home_page/get_object_list",
                        "https://mars.fake.invalid/plugin/mars/v2/regist_gw_user/GW_GC1_0A1B2C3D4E5F");
        assertThat(sent.get(0).headers())
                .containsEntry("keyid", FakeWyzeCloud.KEY_ID)
                .containsEntry("apikey", FakeWyzeCloud.API_KEY);
        assertThat(sent.get(0).body())
                .isEqualTo("{\"email\":\"user@example.com\",\"password\":\""
                        + FakeWyzeCloud.tripleMd5(FakeWyzeCloud.PASSWORD) + "\"}");
        String phoneId = phoneIdFromState();
        assertThat(phoneId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(sent.get(2).body())
                .isEqualTo("{\"ttl_minutes\":10080,\"nonce\":\"" + h.clock.millis() + "\",\"unique_id\":\"" + phoneId
                        + "\"}");
        assertThat(sent.get(2).headers())
                .containsEntry("appid", "9319141212m2ik")
                .containsEntry("requestid", WyzeSigning.requestId(Long.toString(h.clock.millis())));
    }

    @Test
    void mintsACredentialThatExpiresWhenMarsSays() throws Exception {
        P2pCredential c = h.start().credential(GARAGE, false);

        assertThat(c.accessId()).isEqualTo(FakeWyzeCloud.accessId(GARAGE.deviceId()));
        assertThat(c.expiresAt()).isEqualTo(CloudHarness.START.plusSeconds(10080L * 60));
        assertThat(MarsToken.parse(c.accessToken()).certifyKey()).hasSize(16);
        assertThat(h.fake.marsDevices()).containsExactly(GARAGE.deviceId());
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
    }

    @Test
    void acceptsMarsCodeAsNumberAndAsString() throws Exception {
        WyzeCloud cloud = h.start();
        // The fake answers code 1 to the first mint and "1" to the second.
        P2pCredential first = cloud.credential(GARAGE, false);
        P2pCredential second = cloud.credential(CameraId.of("GW_BE1_0A1B2C3D4E60"), false);

        assertThat(h.fake.calls(MARS)).isEqualTo(2);
        assertThat(first.accessToken()).isNotEqualTo(second.accessToken());
    }

    @Test
    void cachesTheCameraListAndRateLimitsForcedRefreshes() throws Exception {
        WyzeCloud cloud = h.start();
        cloud.cameras(false);
        cloud.cameras(false);
        cloud.cameras(true);
        assertThat(h.fake.calls(DEVICES)).isEqualTo(1);

        h.clock.advance(WyzeCloud.LIST_MIN_INTERVAL);
        cloud.cameras(true);
        assertThat(h.fake.calls(DEVICES)).isEqualTo(2);

        h.clock.advance(WyzeCloud.LIST_MAX_AGE.minusSeconds(1));
        cloud.cameras(false);
        assertThat(h.fake.calls(DEVICES)).isEqualTo(2);
        h.clock.advance(Duration.ofSeconds(1));
        cloud.cameras(false);
        assertThat(h.fake.calls(DEVICES)).isEqualTo(3);
    }

    @Test
    void expiredAccessTokenIsRefreshedOnceWithoutANewLogin() throws Exception {
        WyzeCloud cloud = h.start();
        cloud.cameras(false);
        h.fake.expireAllAccessTokens();
        h.clock.advance(WyzeCloud.LIST_MAX_AGE);

        assertThat(cloud.cameras(false)).hasSize(3);
        assertThat(h.fake.calls(REFRESH)).isEqualTo(1);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
        assertThat(h.fake.calls(DEVICES)).isEqualTo(3);
    }

    @Test
    void rejectedRefreshFallsBackToOneLogin() throws Exception {
        WyzeCloud cloud = h.start();
        cloud.cameras(false);
        h.fake.expireAllAccessTokens();
        h.fake.refreshRejects = true;
        h.clock.advance(WyzeCloud.LIST_MAX_AGE);

        assertThat(cloud.cameras(false)).hasSize(3);
        assertThat(h.fake.calls(REFRESH)).isEqualTo(1);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void tokenRejectedEvenAfterReloginSurfacesTheErrorAndWaitsForTheLoginGate() {
        h.fake.devicesAlways2001 = true;
        WyzeCloud cloud = h.start();

        expectFailure("unexpected_response", () -> cloud.cameras(false));
        assertThat(h.fake.calls(LOGIN)).isEqualTo(2);
        assertThat(h.fake.calls(REFRESH)).isEqualTo(1);
        assertThat(h.fake.calls(DEVICES)).isEqualTo(3);

        int before = h.fake.totalCalls();
        expectFailure("unexpected_response", () -> cloud.cameras(true));
        assertThat(h.fake.totalCalls()).isEqualTo(before);
    }

    @Test
    void accessTokenNearItsJwtExpiryIsRefreshedBeforeUse() throws Exception {
        h.fake.tokenLifetime = Duration.ofHours(1);
        WyzeCloud cloud = h.start();
        cloud.cameras(false);
        h.clock.advance(Duration.ofMinutes(56));

        cloud.cameras(true);
        assertThat(h.fake.calls(REFRESH)).isEqualTo(1);
        assertThat(h.fake.calls(DEVICES)).isEqualTo(2);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
    }

    @Test
    void marsRejectingTheTokenIsCuredByARefresh() throws Exception {
        WyzeCloud cloud = h.start();
        cloud.cameras(false);
        h.fake.expireAllAccessTokens();

        cloud.credential(GARAGE, false);
        assertThat(h.fake.calls(MARS)).isEqualTo(2);
        assertThat(h.fake.calls(REFRESH)).isEqualTo(1);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
    }

    @Test
    void mars401AfterRefreshAndReloginIsSurfaced() {
        h.fake.mars401 = true;
        WyzeCloud cloud = h.start();

        CredentialException e = expectFailure("unexpected_response", () -> cloud.credential(GARAGE, false));
        assertThat(e.getMessage()).contains("401");
        assertThat(h.fake.calls(MARS)).isEqualTo(3);
        assertThat(h.fake.calls(REFRESH)).isEqualTo(1);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void marsCode1008IsReportedForThatDeviceWithoutTouchingTheLogin() throws Exception {
        WyzeCloud cloud = h.start();
        cloud.cameras(false);
        h.fake.marsErrorCode = 1008;

        CredentialException e = expectFailure("unexpected_response", () -> cloud.credential(GARAGE, false));
        assertThat(e.getMessage()).contains("1008").contains(GARAGE.deviceId());
        assertThat(h.fake.calls(MARS)).isEqualTo(1);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
        assertThat(cloud.status().auth()).isEqualTo("ok");
    }

    @Test
    void marsCode2001InABody200IsTreatedAsARejectedToken() {
        h.fake.marsErrorCode = 2001;
        WyzeCloud cloud = h.start();

        expectFailure("unexpected_response", () -> cloud.credential(GARAGE, false));
        assertThat(h.fake.calls(MARS)).isEqualTo(3);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(2);
    }

    @Test
    void secondFactorWithTotpKeyCompletesTheLogin() throws Exception {
        h.fake.mfaRequired = true;
        h.fake.totpSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        h.options = CloudHarness.withTotp(h.options, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

        assertThat(h.start().cameras(false)).hasSize(3);
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
        assertThat(h.fake.calls(MFA)).isEqualTo(1);
    }

    private String phoneIdFromState() throws Exception {
        return Json.MAPPER
                .readTree(dir.resolve(WyzeCloud.STATE_FILE).toFile())
                .path("phone_id")
                .asText();
    }
}
