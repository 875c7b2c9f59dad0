package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A camera's failure streak and the decision after each failure (HA-INTEGRATION §5.7): retry at
 * once with a fresh credential after a first auth failure, else back off; announce the error state
 * once per entry; ask for fresh P2P discovery after {@value #DISCOVERY_AFTER} straight failures
 * that point at the server or the account's device list.
 *
 * <p>Bookkeeping only, no I/O; confined to the supervisor's serial lane.
 */
final class FailureTracker {
    /** A stream that lasted this long ends a failure streak. */
    static final Duration STABLE = Duration.ofSeconds(60);
    /** Straight failures of the discovery kinds before the connector discovers afresh. */
    static final int DISCOVERY_AFTER = 3;

    private static final Set<FailureReason> DISCOVERY_REASONS =
            EnumSet.of(FailureReason.SERVER_UNREACHABLE, FailureReason.AUTH, FailureReason.DEVICE_NOT_FOUND);

    /**
     * What to do next.
     *
     * @param freshNow retry at once (through the queue) with a fresh credential
     * @param delay the backoff before the next attempt, when not {@code freshNow}
     * @param enteredError this failure put the camera into the error state
     */
    record Next(boolean freshNow, Duration delay, boolean enteredError) {}

    private final BackoffPolicy backoff;
    private int failures;
    private int discoveryFailures;
    private boolean freshNext;
    private boolean errorAnnounced;

    FailureTracker(BackoffPolicy backoff) {
        this.backoff = backoff;
    }

    /** Straight failures so far. */
    int failures() {
        return failures;
    }

    boolean inError() {
        return BackoffPolicy.isError(failures);
    }

    /** Whether the next attempt must mint a fresh credential; asking clears it. */
    boolean takeFresh() {
        boolean f = freshNext;
        freshNext = false;
        return f;
    }

    /**
     * Counts an outcome of a P2P attempt for discovery.
     *
     * @return true when the connector should forget its cached server and device list now
     */
    boolean countForDiscovery(FailureReason r) {
        if (r == null || !DISCOVERY_REASONS.contains(r)) {
            discoveryFailures = 0;
            return false;
        }
        if (++discoveryFailures < DISCOVERY_AFTER) {
            return false;
        }
        discoveryFailures = 0;
        return true;
    }

    /** Records a failed attempt and decides the next one. */
    Next failed(FailureReason r, boolean usedFresh, Instant now, Instant retryAfter) {
        if (r == FailureReason.AUTH && !usedFresh) {
            freshNext = true;
            return new Next(true, Duration.ZERO, false);
        }
        failures++;
        Duration delay = backoff.delay(failures);
        if (retryAfter != null && retryAfter.isAfter(now.plus(delay))) {
            delay = Duration.between(now, retryAfter);
        }
        boolean entered = inError() && !errorAnnounced;
        errorAnnounced |= entered;
        return new Next(false, delay, entered);
    }

    /** The session streams: the server and device list work, and a later error is news again. */
    void streaming() {
        discoveryFailures = 0;
        errorAnnounced = false;
        freshNext = false;
    }

    /** A stream ended; one that lasted {@link #STABLE} ends the streak. */
    void streamEnded(Instant since, Instant now) {
        if (!now.isBefore(since.plus(STABLE))) {
            failures = 0;
        }
    }

    /** A fresh start (stop, restart): forget the streak. */
    void reset() {
        failures = 0;
        freshNext = false;
        errorAnnounced = false;
    }
}
