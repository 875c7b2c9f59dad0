package dev.gwellbridge.cloud;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request manners towards Wyze, shared by every call: honours {@code X-RateLimit-Remaining} /
 * {@code X-RateLimit-Reset-By}, backs off exponentially with jitter after HTTP 429, server errors and
 * network failures, and counts the requests of the last hour.
 *
 * <p>Thread-safe (all methods synchronized; nothing here blocks).
 */
final class Etiquette {
    private static final Logger LOG = LoggerFactory.getLogger(Etiquette.class);

    /** Stop before the quota is gone, as WB-PY does. */
    static final int REMAINING_THRESHOLD = 10;

    static final Duration RATE_LIMIT_BASE = Duration.ofSeconds(60);
    static final Duration SERVER_ERROR_BASE = Duration.ofSeconds(15);
    static final Duration NETWORK_BASE = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** A reset time further away than this is treated as a broken header. */
    static final Duration MAX_RESET_WAIT = Duration.ofHours(2);

    static final DateTimeFormatter RESET_BY = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);

    private final InstantSource clock;
    private final RandomGenerator random;
    private final Deque<Instant> calls = new ArrayDeque<>();
    private Instant blockedUntil;
    private CloudReason blockReason = CloudReason.RATE_LIMITED;
    private int consecutiveFailures;

    Etiquette(InstantSource clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /** Throws when no request may be sent now. */
    synchronized void checkAllowed() throws CloudException {
        Instant now = clock.instant();
        if (blockedUntil != null && now.isBefore(blockedUntil)) {
            String why = blockReason == CloudReason.RATE_LIMITED
                    ? "Wyze asked the bridge to slow down"
                    : "The Wyze cloud failed recently";
            throw new CloudException(
                    blockReason,
                    why + "; the next request is allowed after " + Urls.when(blockedUntil) + ".",
                    blockedUntil);
        }
    }

    /** Records a request about to be sent. */
    synchronized void recordCall() {
        Instant now = clock.instant();
        calls.addLast(now);
        prune(now);
    }

    synchronized int callsLastHour() {
        prune(clock.instant());
        return calls.size();
    }

    /** When requests are allowed again, if they are blocked now. */
    synchronized Optional<Instant> blockedUntil() {
        Instant now = clock.instant();
        return blockedUntil != null && now.isBefore(blockedUntil) ? Optional.of(blockedUntil) : Optional.empty();
    }

    /**
     * Applies an answer's rate-limit headers and status.
     *
     * @throws CloudException for HTTP 429 ({@code rate_limited}) and 5xx ({@code cloud_unreachable})
     */
    synchronized void onResponse(CloudResponse response, String host) throws CloudException {
        Instant now = clock.instant();
        Optional<Instant> resetBy = response.header("X-RateLimit-Reset-By")
                .flatMap(Etiquette::parseResetBy)
                .filter(t -> t.isAfter(now) && t.isBefore(now.plus(MAX_RESET_WAIT)));
        if (response.status() == 429) {
            // The server's own reset time wins; without one, back off exponentially.
            Instant until = resetBy.isPresent() ? countAndWaitUntil(resetBy.get()) : backoff(now, RATE_LIMIT_BASE);
            block(until, CloudReason.RATE_LIMITED);
            throw new CloudException(
                    CloudReason.RATE_LIMITED,
                    "Wyze is limiting requests (HTTP 429); the next request is allowed after " + Urls.when(until) + ".",
                    until);
        }
        if (response.status() >= 500) {
            Instant until = backoff(now, SERVER_ERROR_BASE);
            block(until, CloudReason.CLOUD_UNREACHABLE);
            throw new CloudException(
                    CloudReason.CLOUD_UNREACHABLE,
                    host + " answered with a server error (HTTP " + response.status() + "); retrying after "
                            + Urls.when(until) + ".",
                    until);
        }
        consecutiveFailures = 0;
        Optional<Integer> remaining = response.header("X-RateLimit-Remaining").flatMap(Etiquette::parseInt);
        if (remaining.isPresent() && remaining.get() <= REMAINING_THRESHOLD) {
            Instant until = resetBy.orElse(now.plus(RATE_LIMIT_BASE));
            block(until, CloudReason.RATE_LIMITED);
            LOG.warn(
                    "Wyze reports {} requests left in this period; pausing cloud requests until {}",
                    remaining.get(),
                    until);
        }
    }

    /** A timeout or connection failure: back off briefly, longer when it repeats. */
    synchronized Instant onNetworkFailure() {
        Instant until = backoff(clock.instant(), NETWORK_BASE);
        block(until, CloudReason.CLOUD_UNREACHABLE);
        return until;
    }

    private void block(Instant until, CloudReason reason) {
        if (blockedUntil == null
                || until.isAfter(blockedUntil)
                || !clock.instant().isBefore(blockedUntil)) {
            blockedUntil = until;
            blockReason = reason;
        }
    }

    /** {@code base * 2^(n-1)}, capped, plus up to 20 % jitter so restarts do not synchronise. */
    private Instant backoff(Instant now, Duration base) {
        consecutiveFailures++;
        return now.plus(jittered(base, consecutiveFailures, random));
    }

    static Duration jittered(Duration base, int attempt, RandomGenerator random) {
        long millis = base.toMillis() << Math.min(attempt - 1, 20);
        millis = Math.min(millis, MAX_BACKOFF.toMillis());
        return Duration.ofMillis(millis + (long) (millis * 0.2 * random.nextDouble()));
    }

    private Instant countAndWaitUntil(Instant until) {
        consecutiveFailures++;
        return until;
    }

    private void prune(Instant now) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(hourAgo)) {
            calls.removeFirst();
        }
    }

    /** Parses {@code Tue Nov 14 22:18:20 GMT 2023}. */
    static Optional<Instant> parseResetBy(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text.trim(), RESET_BY).toInstant());
        } catch (DateTimeParseException e) {
            LOG.debug("Ignoring unparseable X-RateLimit-Reset-By header '{}'", text);
            return Optional.empty();
        }
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
