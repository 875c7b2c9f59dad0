package dev.gwellbridge.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Wyze login session. {@link #toString()} never shows the tokens.
 *
 * @param userId from the login; refresh does not return it, so it is carried over
 * @param expiresAt the access token's JWT {@code exp}, or an assumption for opaque tokens
 */
record Tokens(String accessToken, String refreshToken, String userId, Instant expiresAt) {
    /** Refresh this long before the access token expires. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    /** Lifetime assumed for tokens that carry no expiry (WB-GO's assumption). */
    static final Duration ASSUMED_LIFETIME = Duration.ofHours(23);

    Tokens {
        Objects.requireNonNull(accessToken, "accessToken");
        refreshToken = refreshToken == null ? "" : refreshToken;
        userId = userId == null ? "" : userId;
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Builds tokens whose expiry comes from the JWT, or from the assumed lifetime. */
    static Tokens of(String accessToken, String refreshToken, String userId, Instant now) {
        return new Tokens(
                accessToken, refreshToken, userId, Jwt.expiry(accessToken).orElse(now.plus(ASSUMED_LIFETIME)));
    }

    /** Whether the access token is still good for a while at {@code now}. */
    boolean fresh(Instant now) {
        return now.isBefore(expiresAt.minus(REFRESH_MARGIN));
    }

    @Override
    public String toString() {
        return "Tokens[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
