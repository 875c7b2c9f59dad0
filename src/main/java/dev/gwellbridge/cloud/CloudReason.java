package dev.gwellbridge.cloud;

import java.util.Locale;

/** Why the cloud could not help, as a snake_case code for automations and the page. */
public enum CloudReason {
    /** No complete set of account credentials in the options or on the page. */
    NOT_CONFIGURED,
    /** Wyze rejected the e-mail, password, key id or key (it does not say which). */
    BAD_CREDENTIALS,
    /** The API key id or key is absent or malformed (checked before sending). */
    API_KEY_MISSING_OR_INVALID,
    /** The account wants a second factor. */
    MFA_REQUIRED,
    /** Wyze locked the login after repeated failures. */
    TOO_MANY_ATTEMPTS,
    /** Wyze asked the bridge to slow down (HTTP 429 or the rate-limit headers). */
    RATE_LIMITED,
    /** No answer, a timeout or a server error. */
    CLOUD_UNREACHABLE,
    /** Wyze answered with something the bridge does not understand or an error code. */
    UNEXPECTED_RESPONSE;

    /** The code, e.g. {@code bad_credentials}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an automatic login must wait until the user changes the credentials. */
    boolean suspendsAutomaticLogin() {
        return this == BAD_CREDENTIALS || this == TOO_MANY_ATTEMPTS || this == MFA_REQUIRED;
    }
}
