package dev.gwellbridge.cloud;

import dev.gwellbridge.camera.P2pCredential;
import java.time.Duration;
import java.time.Instant;

/**
 * A Mars credential as cached for one device.
 *
 * @param mintedAt when the bridge received it (to space out forced re-mints)
 */
record CachedCredential(P2pCredential credential, Instant mintedAt) {
    /** Reuse until this long before {@code expireTime} (CZ-NEW's and G2R-FORK's margin). */
    static final Duration EXPIRY_MARGIN = Duration.ofHours(1);

    /** Whether it may still be handed out at {@code now}. */
    boolean usable(Instant now) {
        return now.isBefore(credential.expiresAt().minus(EXPIRY_MARGIN));
    }
}
