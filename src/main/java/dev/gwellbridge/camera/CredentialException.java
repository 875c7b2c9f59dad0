package dev.gwellbridge.camera;

import java.time.Instant;
import java.util.Optional;

/**
 * The cloud could not list cameras or mint a credential.
 *
 * <p>{@link #code()} is a snake_case reason ({@code bad_credentials}, {@code rate_limited}, {@code
 * cloud_unreachable}, ...); the message is plain English and never contains secrets.
 */
public class CredentialException extends Exception {
    private final String code;
    private final transient Instant retryAfter;

    public CredentialException(String code, String message, Instant retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public String code() {
        return code;
    }

    /** No new attempt before this instant, when the cloud said so. */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
