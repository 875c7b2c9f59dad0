package dev.gwellbridge.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.config.Secrets;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The auth host: {@code POST /api/user/login} with the developer key headers, and the optional TOTP
 * second step ({@code POST /user/login}, unverified against today's Wyze).
 *
 * <p>Success is a flat object ({@code access_token}, {@code refresh_token}, {@code user_id}, {@code
 * mfa_options}, {@code mfa_details}); failures are HTTP 400 with {@code errorCode} and {@code
 * description}, read before the status is judged.
 */
final class AuthApi {
    private final URI authUrl;
    private final CloudTransport transport;
    private final InstantSource clock;
    private final String userAgent;

    AuthApi(URI authUrl, CloudTransport transport, InstantSource clock, String userAgent) {
        this.authUrl = authUrl;
        this.transport = transport;
        this.clock = clock;
        this.userAgent = userAgent;
    }

    LoginResult login(LoginCredentials credentials, String phoneId) throws CloudException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", credentials.email());
        body.put("password", credentials.passwordHash());
        return send(Urls.join(authUrl, "/api/user/login"), credentials, phoneId, body, "login");
    }

    /** The second step with a TOTP code; same answers as {@link #login}. */
    LoginResult completeTotp(LoginCredentials credentials, String phoneId, String verificationId, String code)
            throws CloudException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", credentials.email());
        body.put("password", credentials.passwordHash());
        body.put("mfa_type", "TotpVerificationCode");
        body.put("verification_id", verificationId);
        body.put("verification_code", code);
        return send(Urls.join(authUrl, "/user/login"), credentials, phoneId, body, "two-factor login");
    }

    private LoginResult send(URI uri, LoginCredentials c, String phoneId, Map<String, Object> body, String what)
            throws CloudException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("keyid", c.apiId());
        headers.put("apikey", c.apiKey());
        headers.put("phone-id", phoneId);
        headers.put("User-Agent", userAgent);
        headers.put("Content-Type", "application/json");
        CloudResponse response = transport.post(uri, headers, CloudTransport.write(body), what);
        if (response.status() == 403) {
            throw new CloudException(
                    CloudReason.UNEXPECTED_RESPONSE,
                    "Wyze refused the " + what + " (HTTP 403). The IP address may be blocked, or the login"
                            + " endpoint has changed.",
                    null);
        }
        JsonNode json = CloudTransport.object(response, what);
        if (response.status() != 200) {
            throw failure(response.status(), json, what);
        }
        String access = text(json.path("access_token"));
        if (!access.isEmpty()) {
            String refresh = text(json.path("refresh_token"));
            Secrets.register(access);
            Secrets.register(refresh);
            return new LoginResult(
                    Tokens.of(access, refresh, text(json.path("user_id")), clock.instant()), List.of(), "");
        }
        List<String> options = new ArrayList<>();
        json.path("mfa_options").forEach(o -> options.add(o.asText()));
        if (!options.isEmpty()) {
            return new LoginResult(null, options, totpAppId(json.path("mfa_details")));
        }
        throw new CloudException(
                CloudReason.UNEXPECTED_RESPONSE,
                "Wyze answered the " + what + " without an access token and without asking for a second factor.",
                null);
    }

    private static String totpAppId(JsonNode details) {
        JsonNode apps = details.path("totp_apps");
        if (apps.isArray() && !apps.isEmpty()) {
            return text(apps.get(0).path("app_id"));
        }
        // WB-GO reads a plain string here; accept that shape too.
        return apps.isTextual() ? apps.asText() : "";
    }

    private static CloudException failure(int status, JsonNode json, String what) {
        String description = text(json.has("description") ? json.path("description") : json.path("msg"));
        String code = text(json.has("errorCode") ? json.path("errorCode") : json.path("code"));
        String lower = description.toLowerCase(Locale.ROOT);
        String said = description.isEmpty() ? "" : " Wyze said: \"" + Urls.quote(description) + "\"";
        if (lower.contains("too many failed attempts")) {
            return new CloudException(
                    CloudReason.TOO_MANY_ATTEMPTS,
                    "Wyze locked the login after too many failed attempts. Wait a while, check the credentials,"
                            + " then save them again; the bridge will not retry on its own.",
                    null);
        }
        if (lower.contains("user name or password")) {
            return new CloudException(
                    CloudReason.BAD_CREDENTIALS, "Wyze rejected the e-mail or password." + said, null);
        }
        if (code.equals("1003") || (lower.contains("api") && lower.contains("key") && !lower.contains("username"))) {
            return new CloudException(
                    CloudReason.API_KEY_MISSING_OR_INVALID, "Wyze rejected the API key id or API key." + said, null);
        }
        if (code.equals("1000") || code.equals("1001") || lower.contains("invalid") || status == 401) {
            return new CloudException(
                    CloudReason.BAD_CREDENTIALS,
                    "Wyze rejected the e-mail, password, API key id or API key (it does not say which)." + said,
                    null);
        }
        return new CloudException(
                CloudReason.UNEXPECTED_RESPONSE,
                "Wyze refused the " + what + " (HTTP " + status + (code.isEmpty() ? "" : ", code " + code) + ")."
                        + said,
                null);
    }

    static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText().trim() : "";
    }
}
