package dev.gwellbridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.CommandResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live feed's ordering, coalescing and dead-stream handling, with in-memory streams. */
@Timeout(30)
class EventHubTest {
    private final FakeCameraControl cameras = new FakeCameraControl();
    private final EventHub hub = new EventHub(new WebBackend(
            cameras,
            new FakeAccountPort(),
            () -> TestCameras.bridge(List.of()),
            TestCameras::urls,
            () -> CommandResult.accepted("ok"),
            List::of,
            () -> true,
            InstantSource.fixed(TestCameras.T0)));

    /** Collects what it is sent; can be told to block its first write or to report itself gone. */
    static final class RecordingSink implements EventHub.Sink {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean blockFirstCamera;
        volatile boolean gone;
        volatile boolean closed;

        @Override
        public boolean send(String event, String data) {
            if (event.equals("camera") && blockFirstCamera) {
                blockFirstCamera = false;
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events.add(event + " " + data);
            return !gone;
        }

        @Override
        public boolean comment(String text) {
            return !gone;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void burstsOfStatesCollapseToTheNewest() {
        RecordingSink sink = new RecordingSink();
        sink.blockFirstCamera = true;
        hub.attach(sink);
        hub.onState(TestCameras.front(CameraStatus.STARTING));
        await().atMost(Duration.ofSeconds(5)).until(() -> !sink.blockFirstCamera);

        // While the feed thread is stuck writing, three more states arrive; only the last may follow.
        hub.onState(TestCameras.front(CameraStatus.STREAMING));
        hub.onState(TestCameras.front(CameraStatus.RECONNECTING));
        hub.onState(TestCameras.front(CameraStatus.IDLE));
        sink.release.countDown();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> sink.events.stream()
                                .filter(e -> e.startsWith("camera "))
                                .count()
                        == 2);
        List<String> camera =
                sink.events.stream().filter(e -> e.startsWith("camera ")).toList();
        assertThat(camera.get(0)).contains("\"status\":\"starting\"");
        assertThat(camera.get(1)).contains("\"status\":\"idle\"");
        assertThat(sink.events.get(0)).startsWith("bridge ");
        assertThat(sink.events.get(1)).startsWith("account ");
        assertThat(sink.events.get(2)).startsWith("cameras ");
    }

    @Test
    void aGoneStreamIsClosedAndForgottenWhileOthersContinue() {
        RecordingSink alive = new RecordingSink();
        RecordingSink dying = new RecordingSink();
        hub.attach(alive);
        hub.attach(dying);
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.subscribers() == 2);

        dying.gone = true;
        hub.onState(TestCameras.front(CameraStatus.STREAMING));

        await().atMost(Duration.ofSeconds(5)).until(() -> hub.subscribers() == 1);
        assertThat(dying.closed).isTrue();
        hub.onRemoved(TestCameras.FRONT, "front_yard");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> alive.events.stream().anyMatch(e -> e.startsWith("removed ")));
        assertThat(alive.events).anyMatch(e -> e.startsWith("camera ") && e.contains("streaming"));
    }

    @Test
    void liveFiguresTheSupervisorDoesNotNotifyStillReachThePage() {
        cameras.put(TestCameras.front(CameraStatus.STREAMING));
        RecordingSink sink = new RecordingSink();
        hub.attach(sink);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.events.size() == 3);

        CameraState before = TestCameras.front(CameraStatus.STREAMING);
        cameras.putQuietly(withFigures(before, 17.5, 0.1, before.updatedAt().plusSeconds(5)));
        hub.pushLiveFigures();

        await().atMost(Duration.ofSeconds(5)).until(() -> cameraEvents(sink).size() == 1);
        assertThat(cameraEvents(sink).get(0)).contains("\"fps\":17.5", "\"last_frame_age_s\":0.1");

        // Unchanged figures are not sent again; a later subscriber marks when the checks have run.
        hub.pushLiveFigures();
        hub.pushLiveFigures();
        RecordingSink marker = new RecordingSink();
        hub.attach(marker);
        await().atMost(Duration.ofSeconds(5)).until(() -> marker.events.size() == 3);
        assertThat(cameraEvents(sink)).hasSize(1);

        // A notification older than what the figures check already sent does not roll the card back.
        hub.onState(before);
        cameras.putQuietly(withFigures(before, 18.0, 0.2, before.updatedAt().plusSeconds(10)));
        hub.pushLiveFigures();
        await().atMost(Duration.ofSeconds(5)).until(() -> cameraEvents(sink).size() == 2);
        assertThat(cameraEvents(sink).get(1)).contains("\"fps\":18.0");
    }

    private static List<String> cameraEvents(RecordingSink sink) {
        return sink.events.stream().filter(e -> e.startsWith("camera ")).toList();
    }

    private static CameraState withFigures(CameraState s, double fps, double age, Instant at) {
        CameraStats st = s.stats();
        return s.withStats(
                new CameraStats(
                        fps,
                        st.bitrateKbps(),
                        st.reconnects(),
                        age,
                        st.streamSince(),
                        st.bytes(),
                        st.droppedFrames(),
                        st.clients()),
                at);
    }
}
