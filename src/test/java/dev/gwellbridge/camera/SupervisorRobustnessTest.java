package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Bugs and misbehaving ports hit one camera, which recovers through its backoff. */
class SupervisorRobustnessTest {
    private static final CameraInfo A = Fakes.camera("00000000000A", "Alpha");
    private static final CameraInfo B = Fakes.camera("00000000000B", "Bravo");

    @Test
    void aConnectorThatThrowsIsAnInternalFailureOfThatCameraOnly() {
        Harness h = new Harness(Harness.always(), A, B);
        Fakes.Connector real = h.connector;
        StreamConnector flaky = new StreamConnector() {
            private boolean thrown;

            @Override
            public StreamConnection open(StreamRequest request, StreamHandler handler) {
                if (request.camera().id().equals(A.id()) && !thrown) {
                    thrown = true;
                    throw new IllegalStateException("connector bug");
                }
                return real.open(request, handler);
            }
        };
        h.supervisor = new CameraSupervisor(
                h.account, flaky, h.media, h.store, h.settings, h.clock, h.clock, new java.util.SplittableRandom(1));
        h.start();

        CameraState a = h.state(A);
        assertThat(a.status()).isEqualTo(CameraStatus.BACKOFF);
        assertThat(a.reason()).isEqualTo(FailureReason.INTERNAL);
        assertThat(a.message()).contains("connector bug");

        Instant failedAt = h.now();
        h.clock.advanceUntil(() -> h.sessions(B) == 1, Duration.ofMinutes(1));
        assertThat(h.now()).as("B's turn is not held up").isEqualTo(failedAt.plusSeconds(15));
        h.streams(B);
        h.nextSession(A, Duration.ofMinutes(1));
        h.streams(A);
        assertThat(h.state(A).status()).isEqualTo(CameraStatus.STREAMING);
        assertThat(h.state(B).status()).isEqualTo(CameraStatus.STREAMING);
    }

    @Test
    void aSnapshotThatNeverArrivesIsRefusedAfterTheTimeout() {
        Harness h = new Harness(Harness.always(), A).start();
        h.streams(A);
        h.media.last().nextSnapshot = new CompletableFuture<>();
        CompletableFuture<CommandResult> f = h.supervisor.command(A.id(), new CameraCommand.Snapshot(false));
        h.clock.runDue();
        assertThat(f).isNotDone();
        for (int i = 0; i < 40; i++) {
            h.video(A, 100);
            h.advance(Duration.ofSeconds(5));
        }
        assertThat(f.getNow(null).reason()).isEqualTo("snapshot_timeout");
        assertThat(h.heard.types(A.id())).contains("command_failed");
        assertThat(h.state(A).status()).isEqualTo(CameraStatus.STREAMING);
    }

    @Test
    void mediaFiguresThatThrowDoNotBreakTheState() {
        Harness h = new Harness(Harness.always(), A);
        MediaPort throwingStats = new MediaPort() {
            @Override
            public MediaSession open(CameraInfo camera, String slug) {
                MediaSession inner = h.media.open(camera, slug);
                return new MediaSession() {
                    @Override
                    public void offer(byte[] data, int offset, int length) {
                        throw new IllegalStateException("pipe closed");
                    }

                    @Override
                    public CompletableFuture<byte[]> snapshot() {
                        return inner.snapshot();
                    }

                    @Override
                    public MediaStats stats() {
                        throw new IllegalStateException("stats bug");
                    }

                    @Override
                    public void close() {
                        inner.close();
                    }
                };
            }

            @Override
            public StreamUrls urls(String slug) {
                return h.media.urls(slug);
            }
        };
        h.supervisor = new CameraSupervisor(
                h.account,
                h.connector,
                throwingStats,
                h.store,
                h.settings,
                h.clock,
                h.clock,
                new java.util.SplittableRandom(1));
        h.start();
        h.streams(A);
        h.video(A, 100);
        h.video(A, 100);
        h.advance(Duration.ofSeconds(10));

        CameraState s = h.state(A);
        assertThat(s.status()).isEqualTo(CameraStatus.STREAMING);
        assertThat(s.stats().fps()).isZero();
        assertThat(s.stats().bytes()).isEqualTo(200);
    }
}
