package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** How the auth host's answers map to reasons (cloud API notes 2.3-2.5 and 6.1-6.3). */
class AuthApiTest {
    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1_700_000_000L));
    private final LoginCredentials credentials = new LoginCredentials(
            "user@example.com",
            WyzeSigning.tripleMd5("example-password"),
            "11111111-2222-4333-8444-555555555555",
            "EXAMPLEAPIKEYEXAMPLEAPIKEYEXAMPLEAPIKEYEXAMPLEAPIKEYEXAMPLEA",
            "",
            "options");

    private LoginResult answer(int status, String body) throws CloudException {
        CloudHttp http = (uri, headers, b) -> new CloudResponse(status, Map.of(), body);
        AuthApi api = new AuthApi(
                URI.create("https://auth.invalid"),
                new CloudTransport(http, new Etiquette(clock, new SplittableRandom(1))),
                clock,
                "test");
        return api.login(credentials, "00000000-0000-4000-8000-000000000000");
    }

    private CloudReason reasonFor(int status, String body) {
        return catchThrowableOfType(CloudException.class, () -> answer(status, body))
                .reason();
    }

    @Test
    void successExampleYieldsTokensWithTheJwtExpiry() throws Exception {
        String jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGgud3l6ZS5jb20iLCJ1c2VyX2lkIjoiMD"
                + "AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDEiLCJzY29wZSI6WyJuYXRpdmUiXSwiY3JlYXRlZF9hdCI6MTcwMDAwMDAwMC"
                + "wiZXhwIjoxNzAwMTcyODAwfQ.bm90LWEtcmVhbC1zaWduYXR1cmU";
        LoginResult r = answer(
                200,
                "{\"access_token\":\"" + jwt + "\",\"refresh_token\":\"refresh-example-token\",\"user_id\":"
                        + "\"00000000000000000000000000000001\",\"mfa_options\":null,\"mfa_details\":null}");

        Tokens t = r.session().orElseThrow();
        assertThat(t.expiresAt()).isEqualTo(Instant.ofEpochSecond(1700172800L));
        assertThat(t.userId()).isEqualTo("00000000000000000000000000000001");
        assertThat(t.toString()).doesNotContain(jwt).doesNotContain("refresh-example-token");
    }

    @Test
    void opaqueTokenGetsTheAssumedLifetime() throws Exception {
        Tokens t = answer(200, "{\"access_token\":\"lvtx.opaque\",\"refresh_token\":\"r\"}")
                .session()
                .orElseThrow();
        assertThat(t.expiresAt()).isEqualTo(clock.instant().plus(Tokens.ASSUMED_LIFETIME));
    }

    @Test
    void secondFactorExampleYieldsTheChallenge() throws Exception {
        LoginResult r = answer(
                200,
                "{\"access_token\":null,\"refresh_token\":null,\"user_id\":\"00000000000000000000000000000001\","
                        + "\"mfa_options\":[\"TotpVerificationCode\"],\"mfa_details\":{\"totp_apps\":[{\"app_id\":"
                        + "\"EXAMPLE_TOTP_APP_ID\",\"app_nickname\":\"Authenticator\"}],\"phone_numbers\":null}}");

        assertThat(r.session()).isEmpty();
        assertThat(r.mfaOptions()).containsExactly("TotpVerificationCode");
        assertThat(r.totpAppId()).isEqualTo("EXAMPLE_TOTP_APP_ID");
    }

    @Test
    void failureBodiesMapToReasons() {
        assertThat(reasonFor(
                        400,
                        "{\"description\":\"Invalid credentials, please check username, password, keyid or apikey\","
                                + "\"requestId\":\"99999999-8888-4777-8666-555555555555\",\"errorCode\":1000}"))
                .isEqualTo(CloudReason.BAD_CREDENTIALS);
        assertThat(reasonFor(400, "{\"description\":\"Invalid User Name or Password.\",\"errorCode\":1000}"))
                .isEqualTo(CloudReason.BAD_CREDENTIALS);
        assertThat(reasonFor(
                        400,
                        "{\"description\":\"Too many failed attempts. Please try again later.\",\"errorCode\":1000}"))
                .isEqualTo(CloudReason.TOO_MANY_ATTEMPTS);
        assertThat(reasonFor(400, "{\"description\":\"Invalid API key\",\"errorCode\":1003}"))
                .isEqualTo(CloudReason.API_KEY_MISSING_OR_INVALID);
        assertThat(reasonFor(403, "<html>Request blocked</html>")).isEqualTo(CloudReason.UNEXPECTED_RESPONSE);
        assertThat(reasonFor(200, "{\"access_token\":null,\"mfa_options\":[]}"))
                .isEqualTo(CloudReason.UNEXPECTED_RESPONSE);
        assertThat(reasonFor(429, "")).isEqualTo(CloudReason.RATE_LIMITED);
        assertThat(reasonFor(503, "")).isEqualTo(CloudReason.CLOUD_UNREACHABLE);
    }
}
