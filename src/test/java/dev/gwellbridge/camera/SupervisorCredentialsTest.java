package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Credentials before each attempt, a fresh one after an auth failure, cloud failures, discovery. */
class SupervisorCredentialsTest {
    private static final CameraInfo CAM = Fakes.camera("0A1B2C3D4E5F", "Front Door");

    private final Harness h = new Harness(Harness.always(), CAM).start();

    @Test
    void everyAttemptAsksForTheCachedCredentialFirst() {
        assertThat(h.account.calls).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(CAM.id());
            assertThat(c.fresh()).isFalse();
        });
        assertThat(h.session(CAM).request.credential().accessToken()).isEqualTo("token-1");
    }

    @Test
    void anAuthFailureMintsOneFreshCredentialBeforeBackingOff() {
        h.advance(Duration.ofSeconds(20));
        h.fails(CAM, FailureReason.AUTH);

        assertThat(h.sessions(CAM))
                .as("retried at once, the stagger having passed")
                .isEqualTo(2);
        assertThat(h.account.calls).extracting(Fakes.Credentials.Call::fresh).containsExactly(false, true);
        assertThat(h.session(CAM).request.credential().accessToken()).isEqualTo("token-2");
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.RECONNECTING);
        assertThat(h.state(CAM).reason()).isEqualTo(FailureReason.AUTH);

        h.advance(Duration.ofSeconds(20));
        h.fails(CAM, FailureReason.AUTH);
        assertThat(h.state(CAM).status()).as("the fresh one failed too").isEqualTo(CameraStatus.BACKOFF);
        Instant failedAt = h.now();
        Instant next = h.nextSession(CAM, Duration.ofMinutes(1));
        assertThat(Duration.between(failedAt, next).toMillis()).isBetween(9_000L, 11_000L);
        assertThat(h.account.calls).extracting(Fakes.Credentials.Call::fresh).containsExactly(false, true, false);
    }

    @Test
    void aRateLimitedCloudMeansBackoffUntilItsRetryAfter() {
        Instant retryAfter = h.now().plus(Duration.ofMinutes(7));
        h.account.credentialFailures.add(new CredentialException("rate_limited", "Wyze asked us to wait.", retryAfter));
        h.advance(Duration.ofSeconds(20));
        h.fails(CAM, FailureReason.STREAM_STALLED);
        int sessions = h.sessions(CAM);
        h.clock.advanceUntil(() -> h.account.calls.size() == 2, Duration.ofSeconds(12));

        CameraState s = h.state(CAM);
        assertThat(s.status()).isEqualTo(CameraStatus.BACKOFF);
        assertThat(s.reason()).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(s.message()).contains("Wyze asked us to wait.");
        assertThat(h.sessions(CAM)).as("no credential, no session").isEqualTo(sessions);

        Instant next = h.nextSession(CAM, Duration.ofMinutes(10));
        assertThat(next).isAfterOrEqualTo(retryAfter).isBefore(retryAfter.plusSeconds(1));
    }

    @Test
    void otherCloudFailuresAreReportedAsCloud() {
        h.account.credentialFailures.add(new CredentialException("cloud_unreachable", "Wyze did not answer.", null));
        h.advance(Duration.ofSeconds(20));
        h.fails(CAM, FailureReason.STREAM_STALLED);
        h.clock.advanceUntil(() -> h.state(CAM).reason() == FailureReason.CLOUD, Duration.ofSeconds(12));
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.BACKOFF);
        assertThat(h.state(CAM).available()).as("the cloud is not the camera").isTrue();
    }

    @Test
    void threeStraightServerFailuresForceFreshDiscovery() {
        h.fails(CAM, FailureReason.SERVER_UNREACHABLE);
        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.SERVER_UNREACHABLE);
        assertThat(h.connector.invalidations.get()).isZero();
        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.DEVICE_NOT_FOUND);
        assertThat(h.connector.invalidations.get()).isEqualTo(1);

        h.nextSession(CAM, Duration.ofMinutes(2));
        h.fails(CAM, FailureReason.SERVER_UNREACHABLE);
        h.nextSession(CAM, Duration.ofMinutes(3));
        h.fails(CAM, FailureReason.SERVER_UNREACHABLE);
        assertThat(h.connector.invalidations.get()).as("counting starts again").isEqualTo(1);
    }

    @Test
    void anotherOutcomeInBetweenResetsTheDiscoveryCount() {
        h.fails(CAM, FailureReason.SERVER_UNREACHABLE);
        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.SERVER_UNREACHABLE);
        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.RELAY_ONLY);
        h.nextSession(CAM, Duration.ofMinutes(2));
        h.fails(CAM, FailureReason.SERVER_UNREACHABLE);
        assertThat(h.connector.invalidations.get()).isZero();
    }

    @Test
    void authFailuresCountTowardsDiscovery() {
        h.advance(Duration.ofSeconds(20));
        h.fails(CAM, FailureReason.AUTH);
        h.advance(Duration.ofSeconds(20));
        h.fails(CAM, FailureReason.AUTH);
        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.AUTH);
        assertThat(h.connector.invalidations.get()).isEqualTo(1);
    }
}
