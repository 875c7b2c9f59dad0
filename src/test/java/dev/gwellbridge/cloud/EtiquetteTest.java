package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EtiquetteTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2023-11-14T22:13:20Z"));
    private final Etiquette etiquette = new Etiquette(clock, new SplittableRandom(7));

    @Test
    void parsesTheResetByHeaderOfTheNotesExample() {
        assertThat(Etiquette.parseResetBy("Tue Nov 14 22:18:20 GMT 2023"))
                .contains(Instant.parse("2023-11-14T22:18:20Z"));
        assertThat(Etiquette.parseResetBy("Tue Jan 02 15:04:05 GMT 2024"))
                .contains(Instant.parse("2024-01-02T15:04:05Z"));
        assertThat(Etiquette.parseResetBy("2024-01-02T15:04:05Z")).isEmpty();
    }

    @Test
    void http429WithResetByBlocksUntilThatInstant() {
        CloudResponse r = new CloudResponse(
                429, Map.of("x-ratelimit-remaining", "0", "X-RateLimit-Reset-By", "Tue Nov 14 22:18:20 GMT 2023"), "");

        CloudException e = catchThrowableOfType(CloudException.class, () -> etiquette.onResponse(r, "host"));

        assertThat(e.reason()).isEqualTo(CloudReason.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Instant.parse("2023-11-14T22:18:20Z"));
        assertThat(catchThrowableOfType(CloudException.class, etiquette::checkAllowed)
                        .reason())
                .isEqualTo(CloudReason.RATE_LIMITED);
        clock.set(Instant.parse("2023-11-14T22:18:20Z"));
        assertThat(catchThrowableOfType(CloudException.class, etiquette::checkAllowed))
                .isNull();
    }

    @Test
    void plentyOfRemainingRequestsDoesNotBlock() throws Exception {
        etiquette.onResponse(
                new CloudResponse(
                        200,
                        Map.of("X-RateLimit-Remaining", "11", "X-RateLimit-Reset-By", "Tue Nov 14 22:18:20 GMT 2023"),
                        "{}"),
                "host");
        assertThat(etiquette.blockedUntil()).isEmpty();

        etiquette.onResponse(
                new CloudResponse(
                        200,
                        Map.of("X-RateLimit-Remaining", "10", "X-RateLimit-Reset-By", "Tue Nov 14 22:18:20 GMT 2023"),
                        "{}"),
                "host");
        assertThat(etiquette.blockedUntil()).contains(Instant.parse("2023-11-14T22:18:20Z"));
    }

    @Test
    void serverErrorBackoffDoublesWithBoundedJitterAndSuccessResetsIt() throws Exception {
        CloudResponse error = new CloudResponse(502, Map.of(), "");
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 4; attempt++) {
            CloudException e = catchThrowableOfType(CloudException.class, () -> etiquette.onResponse(error, "h"));
            Duration wait = Duration.between(clock.instant(), e.retryAfter().orElseThrow());
            Duration base = Etiquette.SERVER_ERROR_BASE.multipliedBy(1L << (attempt - 1));
            assertThat(wait).isBetween(base, base.multipliedBy(12).dividedBy(10));
            assertThat(wait).isGreaterThan(previous);
            previous = wait;
            clock.set(e.retryAfter().orElseThrow());
        }
        etiquette.onResponse(new CloudResponse(200, Map.of(), "{}"), "h");
        CloudException again = catchThrowableOfType(CloudException.class, () -> etiquette.onResponse(error, "h"));
        assertThat(Duration.between(clock.instant(), again.retryAfter().orElseThrow()))
                .isLessThan(Etiquette.SERVER_ERROR_BASE.multipliedBy(2));
    }

    @Test
    void jitterNeverExceedsTheHourCapByMoreThanTwentyPercent() {
        SplittableRandom random = new SplittableRandom(1);
        for (int attempt = 1; attempt < 64; attempt++) {
            assertThat(Etiquette.jittered(Duration.ofSeconds(30), attempt, random))
                    .isLessThanOrEqualTo(Duration.ofMinutes(72));
        }
    }

    @Test
    void countsRequestsOfTheLastHourOnly() {
        etiquette.recordCall();
        clock.advance(Duration.ofMinutes(30));
        etiquette.recordCall();
        assertThat(etiquette.callsLastHour()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(31));
        assertThat(etiquette.callsLastHour()).isEqualTo(1);
    }
}
