package dev.gwellbridge.camera;

/** The Wyze account as the page manages it. Implemented by the cloud layer. */
public interface AccountPort {

    /** Current account state (auth, backoff, call counts). */
    CloudStatus status();

    /** Which fields are stored and which source is active. */
    AccountFields fields();

    /**
     * Performs one login with the given credentials merged over the stored ones (respecting the
     * login backoff) and, on success, stores them. Blocks for the duration of the login.
     *
     * @return accepted, or refused with a reason such as {@code bad_credentials}, {@code
     *     api_key_missing_or_invalid}, {@code mfa_required}, {@code rate_limited}
     */
    CommandResult testAndSave(AccountCredentials credentials);
}
