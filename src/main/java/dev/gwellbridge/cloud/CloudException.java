package dev.gwellbridge.cloud;

import dev.gwellbridge.camera.CredentialException;
import java.time.Instant;
import java.util.Optional;

/**
 * A cloud call failed. The message is plain English for the page and the log and never contains a
 * secret; stackless, like every expected failure of the bridge.
 */
public final class CloudException extends Exception {
    private final CloudReason reason;
    private final transient Instant retryAfter;
    private final boolean tokenRejected;

    public CloudException(CloudReason reason, String message, Instant retryAfter) {
        this(reason, message, retryAfter, false);
    }

    private CloudException(CloudReason reason, String message, Instant retryAfter, boolean tokenRejected) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.tokenRejected = tokenRejected;
    }

    /** The app API's 2001, or Mars' HTTP 401 / 2001: the access token is no longer accepted. */
    static CloudException tokenRejected(String message) {
        return new CloudException(CloudReason.UNEXPECTED_RESPONSE, message, null, true);
    }

    public CloudReason reason() {
        return reason;
    }

    /** No new attempt before this instant, when known. */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether this is the "access token rejected" signal that refresh or re-login may cure. */
    boolean isTokenRejected() {
        return tokenRejected;
    }

    /** The same failure in the camera seam's terms. */
    public CredentialException toCredentialException() {
        return new CredentialException(reason.code(), getMessage(), retryAfter);
    }
}
