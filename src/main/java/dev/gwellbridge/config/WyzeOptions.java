package dev.gwellbridge.config;

import java.net.URI;

/**
 * The {@code wyze} block of the options: account credentials (all optional, the page can supply
 * them) and the advanced base URLs. {@link #toString()} never shows secrets.
 */
public record WyzeOptions(
        String email,
        String password,
        String apiId,
        String apiKey,
        String totpKey,
        URI authUrl,
        URI apiUrl,
        URI marsUrl,
        boolean freshTokenPerSession) {

    public static final URI DEFAULT_AUTH_URL = URI.create("https://auth-prod.api.wyze.com");
    public static final URI DEFAULT_API_URL = URI.create("https://api.wyzecam.com");
    public static final URI DEFAULT_MARS_URL = URI.create("https://wyze-mars-service.wyzecam.com");

    public static final WyzeOptions NONE =
            new WyzeOptions("", "", "", "", "", DEFAULT_AUTH_URL, DEFAULT_API_URL, DEFAULT_MARS_URL, false);

    public WyzeOptions {
        email = email == null ? "" : email.trim();
        password = password == null ? "" : password;
        apiId = apiId == null ? "" : apiId.trim();
        apiKey = apiKey == null ? "" : apiKey.trim();
        totpKey = totpKey == null ? "" : totpKey.trim();
        authUrl = authUrl == null ? DEFAULT_AUTH_URL : authUrl;
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
        marsUrl = marsUrl == null ? DEFAULT_MARS_URL : marsUrl;
    }

    /** Whether the options carry a complete set of account credentials. */
    public boolean hasCredentials() {
        return !email.isEmpty() && !password.isEmpty() && !apiId.isEmpty() && !apiKey.isEmpty();
    }

    /** Whether any credential field is set. */
    public boolean anyCredential() {
        return !email.isEmpty() || !password.isEmpty() || !apiId.isEmpty() || !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "WyzeOptions[email=" + email + ", password=" + mask(password) + ", apiId=" + mask(apiId)
                + ", apiKey=" + mask(apiKey) + ", totpKey=" + mask(totpKey) + ", authUrl=" + authUrl
                + ", apiUrl=" + apiUrl + ", marsUrl=" + marsUrl + ", freshTokenPerSession="
                + freshTokenPerSession + "]";
    }

    private static String mask(String s) {
        return s.isEmpty() ? "<not set>" : "<set>";
    }
}
