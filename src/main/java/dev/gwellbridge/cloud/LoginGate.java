package dev.gwellbridge.cloud;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Login manners: after a failed login the next one waits at least 30 s, doubling with every further
 * failure up to an hour (plus jitter); "too many failed attempts" waits at least 15 minutes. Bad
 * credentials, a lock-out and a second-factor challenge stop automatic logins altogether until the
 * user saves credentials again (a manual attempt), as retrying them only deepens a lock-out.
 *
 * <p>Thread-safe.
 */
final class LoginGate {
    static final Duration MIN_GAP = Duration.ofSeconds(30);
    static final Duration LOCKOUT_GAP = Duration.ofMinutes(15);

    private final InstantSource clock;
    private final RandomGenerator random;
    private Instant notBefore;
    private int failures;
    private CloudException suspendedBy;
    private CloudException lastFailure;

    LoginGate(InstantSource clock, RandomGenerator random, Instant notBefore, int failures) {
        this.clock = clock;
        this.random = random;
        this.notBefore = notBefore;
        this.failures = failures;
    }

    /**
     * Throws when a login may not be attempted now.
     *
     * @param automatic true for logins the bridge starts itself, false for the page's test
     */
    synchronized void check(boolean automatic) throws CloudException {
        if (automatic && suspendedBy != null) {
            throw new CloudException(
                    suspendedBy.reason(),
                    suspendedBy.getMessage() + " Automatic logins are paused until credentials are saved on the page"
                            + " (or the options are changed and the add-on restarted).",
                    null);
        }
        Instant now = clock.instant();
        if (notBefore != null && now.isBefore(notBefore)) {
            if (automatic && lastFailure != null) {
                throw new CloudException(
                        lastFailure.reason(),
                        lastFailure.getMessage() + " Next login attempt after " + Urls.when(notBefore) + ".",
                        notBefore);
            }
            throw new CloudException(
                    CloudReason.RATE_LIMITED,
                    "A Wyze login failed recently; to avoid a lock-out the next attempt is allowed after "
                            + Urls.when(notBefore) + ".",
                    notBefore);
        }
    }

    synchronized void success() {
        notBefore = null;
        failures = 0;
        suspendedBy = null;
        lastFailure = null;
    }

    synchronized void failure(CloudException e) {
        failure(e, true);
    }

    /**
     * A failed login spaces out the next one; it pauses automatic logins only when it failed with the
     * credentials automatic logins use.
     *
     * @param inForce false for a test of other credentials (a typo on the page says nothing about the
     *     stored ones)
     */
    synchronized void failure(CloudException e, boolean inForce) {
        failures++;
        Duration gap = Etiquette.jittered(MIN_GAP, failures, random);
        if (e.reason() == CloudReason.TOO_MANY_ATTEMPTS && gap.compareTo(LOCKOUT_GAP) < 0) {
            gap = LOCKOUT_GAP;
        }
        notBefore = clock.instant().plus(gap);
        if (!inForce) {
            return;
        }
        lastFailure = e;
        if (e.reason().suspendsAutomaticLogin()) {
            suspendedBy = e;
        }
    }

    synchronized Optional<Instant> notBefore() {
        return notBefore != null && clock.instant().isBefore(notBefore) ? Optional.of(notBefore) : Optional.empty();
    }

    /** The persisted form: the raw instant, even when already past. */
    synchronized Instant notBeforeRaw() {
        return notBefore;
    }

    synchronized int failures() {
        return failures;
    }
}
