package dev.gwellbridge.camera;

import java.time.Instant;
import java.util.Optional;

/**
 * The Wyze account as the bridge sees it.
 *
 * @param auth {@code ok}, {@code not_configured}, {@code pending}, or a failure code such as {@code
 *     bad_credentials}, {@code mfa_required}, {@code rate_limited}, {@code cloud_unreachable}
 * @param message plain-English explanation
 * @param backoffUntil no cloud call before this instant, or null
 * @param callsLastHour cloud requests made in the last hour
 * @param credentialSource where the account credentials come from: {@code options}, {@code page} or
 *     {@code none}
 */
public record CloudStatus(
        String auth, String message, Instant backoffUntil, int callsLastHour, String credentialSource) {

    public static CloudStatus notConfigured() {
        return new CloudStatus("not_configured", "No Wyze account is configured.", null, 0, "none");
    }

    public Optional<Instant> backoff() {
        return Optional.ofNullable(backoffUntil);
    }
}
