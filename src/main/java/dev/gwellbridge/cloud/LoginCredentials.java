package dev.gwellbridge.cloud;

import java.util.regex.Pattern;

/**
 * The account credentials a login uses, resolved from the options and the page. {@link
 * #toString()} never shows secrets.
 *
 * @param passwordHash the triple-MD5 password, never the plain one
 * @param source {@code options}, {@code page} or {@code none}
 */
record LoginCredentials(String email, String passwordHash, String apiId, String apiKey, String totpKey, String source) {
    private static final Pattern KEY_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{20,200}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32}");

    /**
     * Checks the credentials before anything is sent.
     *
     * @throws CloudException {@code not_configured} when e-mail or password are missing, {@code
     *     api_key_missing_or_invalid} when the key id or key are missing or malformed
     */
    void validate() throws CloudException {
        if (email.isEmpty() || passwordHash.isEmpty()) {
            throw new CloudException(
                    CloudReason.NOT_CONFIGURED,
                    "No Wyze account is configured: set the e-mail (wyze.email) and password (wyze.password) in"
                            + " the options or on the page.",
                    null);
        }
        if (!HASH.matcher(passwordHash).matches()) {
            throw new CloudException(
                    CloudReason.BAD_CREDENTIALS,
                    "wyze.password starts with md5: or hashed: but the rest is not a 32-digit hex hash.",
                    null);
        }
        if (apiId.isEmpty() || apiKey.isEmpty()) {
            throw new CloudException(
                    CloudReason.API_KEY_MISSING_OR_INVALID,
                    "Wyze requires an API key id (wyze.api_id) and API key (wyze.api_key); create them at"
                            + " developer-api-console.wyze.com.",
                    null);
        }
        if (!KEY_ID.matcher(apiId).matches()) {
            throw new CloudException(
                    CloudReason.API_KEY_MISSING_OR_INVALID,
                    "wyze.api_id must be the API key id from the Wyze developer console: 36 characters, hex digits"
                            + " in groups of 8-4-4-4-12.",
                    null);
        }
        if (!KEY.matcher(apiKey).matches()) {
            throw new CloudException(
                    CloudReason.API_KEY_MISSING_OR_INVALID,
                    "wyze.api_key must be the API key from the Wyze developer console (letters and digits,"
                            + " about 60 characters).",
                    null);
        }
    }

    /** Whether e-mail, password, key id and key are all present. */
    boolean complete() {
        return !email.isEmpty() && !passwordHash.isEmpty() && !apiId.isEmpty() && !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "LoginCredentials[email=" + email + ", source=" + source + "]";
    }
}
