package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The supervisor on real threads: a real scheduler and sessions that emit video on their own threads. */
@Timeout(30)
class CameraSupervisorIT {
    private static final CameraInfo A = Fakes.camera("00000000000A", "Alpha");
    private static final CameraInfo B = Fakes.camera("00000000000B", "Bravo");
    private static final Duration STAGGER = Duration.ofMillis(300);

    /** A session that connects after a short set-up and then sends a chunk every 20 ms, on its own thread. */
    static final class ThreadedSession implements StreamConnection {
        final CameraId id;
        final Instant openedAt;
        final ScheduledExecutorService thread;
        final StreamHandler handler;
        final AtomicBoolean closed = new AtomicBoolean();

        ThreadedSession(StreamRequest request, StreamHandler handler) {
            this.id = request.camera().id();
            this.openedAt = Instant.now();
            this.handler = handler;
            this.thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "session-" + id.mac()));
            byte[] chunk = new byte[1200];
            var unusedStart = thread.schedule(() -> handler.onStreaming(Transport.LAN_UDP), 50, TimeUnit.MILLISECONDS);
            var unusedVideo = thread.scheduleAtFixedRate(
                    () -> handler.onVideo(chunk, 0, chunk.length), 60, 20, TimeUnit.MILLISECONDS);
        }

        @Override
        public ConnectionStats stats() {
            return ConnectionStats.NONE;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                thread.shutdownNow();
                // Told exactly once, from a session thread, after the close.
                new Thread(() -> handler.onEnded(null, ""), "session-end-" + id.mac()).start();
            }
        }
    }

    private final List<ThreadedSession> sessions = new CopyOnWriteArrayList<>();
    private final StreamConnector connector = (request, handler) -> {
        ThreadedSession s = new ThreadedSession(request, handler);
        sessions.add(s);
        return s;
    };
    private final ThreadedScheduler scheduler = new ThreadedScheduler();
    private final Fakes.Media media = new Fakes.Media();
    private final Fakes.Recorder heard = new Fakes.Recorder();
    private CameraSupervisor supervisor;

    @AfterEach
    void tearDown() {
        if (supervisor != null) {
            supervisor.close();
        }
        scheduler.close();
        sessions.forEach(ThreadedSession::close);
    }

    private List<ThreadedSession> of(CameraInfo c) {
        return sessions.stream().filter(s -> s.id.equals(c.id())).toList();
    }

    private CameraState state(CameraInfo c) {
        return supervisor.find(c.id().deviceId()).orElseThrow();
    }

    @Test
    void camerasStreamStaggeredAndObeyCommandsOnRealThreads() throws Exception {
        SupervisorSettings settings = new SupervisorSettings(
                StreamMode.ALWAYS,
                Quality.HD,
                STAGGER,
                Duration.ofMinutes(2),
                Duration.ofMinutes(2),
                Duration.ofMinutes(10),
                List.of());
        Fakes.Credentials account = new Fakes.Credentials(InstantSource.system(), A, B);
        supervisor = new CameraSupervisor(
                account,
                connector,
                media,
                new Fakes.Store(),
                settings,
                InstantSource.system(),
                scheduler,
                new SplittableRandom(1));
        supervisor.addListener(heard);
        supervisor.start();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> supervisor.cameras().size() == 2
                        && supervisor.cameras().stream().allMatch(s -> s.status() == CameraStatus.STREAMING));
        assertThat(Duration.between(of(A).get(0).openedAt, of(B).get(0).openedAt))
                .isGreaterThanOrEqualTo(STAGGER.minusMillis(20));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> media.outputs.size() == 2 && media.outputs.stream().allMatch(o -> o.bytes.get() > 12_000));
        assertThat(heard.types(A.id())).contains("stream_started");

        // Snapshot from the running session, answered through the supervisor's lane.
        CommandResult snap =
                supervisor.command(A.id(), new CameraCommand.Snapshot(false)).get(5, TimeUnit.SECONDS);
        assertThat(snap.ok()).isTrue();
        assertThat(supervisor.latestSnapshot(A.id())).isPresent();

        // Stop: the session closes, its late onEnded is ignored, and no reconnect follows.
        Fakes.Media.Output outA = media.outputs.stream()
                .filter(o -> o.camera.id().equals(A.id()))
                .findFirst()
                .orElseThrow();
        assertThat(supervisor
                        .command(A.id(), new CameraCommand.Stop())
                        .get(5, TimeUnit.SECONDS)
                        .ok())
                .isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> of(A).get(0).closed.get() && outA.closed);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> of(A).size() == 1 && state(A).status() == CameraStatus.IDLE);

        // Restart B: torn down and set up again through the queue; video flows into the new output.
        assertThat(supervisor
                        .command(B.id(), new CameraCommand.Restart(false))
                        .get(5, TimeUnit.SECONDS)
                        .ok())
                .isTrue();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> of(B).size() == 2 && state(B).status() == CameraStatus.STREAMING);
        await().atMost(Duration.ofSeconds(5)).until(() -> media.last().bytes.get() > 6_000);
        assertThat(of(B).get(0).closed).isTrue();
        assertThat(state(B).stats().reconnects()).isEqualTo(1);

        supervisor.close();
        assertThat(of(B).get(1).closed).isTrue();
        assertThat(media.outputs).allMatch(o -> o.closed);
    }
}
