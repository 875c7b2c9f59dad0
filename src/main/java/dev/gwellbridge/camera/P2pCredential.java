package dev.gwellbridge.camera;

import java.time.Instant;
import java.util.Objects;

/**
 * A camera's P2P credential pair from Mars: the viewer's access id and the access token.
 *
 * @param accessId the signed 64-bit id as the cloud returns it, as a decimal string
 * @param accessToken 128 hex characters plus a base64 tail; secret
 * @param expiresAt when the cloud says the token expires
 */
public record P2pCredential(String accessId, String accessToken, Instant expiresAt) {

    public P2pCredential {
        Objects.requireNonNull(accessId, "accessId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "P2pCredential[accessId=" + accessId + ", accessToken=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
