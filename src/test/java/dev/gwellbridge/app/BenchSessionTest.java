package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.ConnectionStats;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamConnection;
import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.camera.StreamHandler;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.camera.Transport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One benchmark camera on a fake connector, a fake clock and restarts run by hand. */
class BenchSessionTest {
    private static final byte[] PICTURE_A = {0, 0, 0, 1, 0x65, 1, 2, 3, 4, 5};
    private static final byte[] PICTURE_B = {0, 0, 0, 1, 0x41, 9, 8, 7};
    private static final String DEVICE = "GW_GC1_0A1B2C3D4E5F";

    private final List<StreamHandler> handlers = new ArrayList<>();
    private final List<Boolean> closed = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private long nanos = 5_000_000_000L;

    private final StreamConnector connector = (request, handler) -> {
        int index = handlers.size();
        handlers.add(handler);
        closed.add(false);
        return new StreamConnection() {
            @Override
            public ConnectionStats stats() {
                return new ConnectionStats(Transport.LAN_UDP, 0, 0, 10 + index, 0);
            }

            @Override
            public void close() {
                closed.set(index, true);
                handler.onEnded(null, "closed");
            }
        };
    };

    private BenchSession session() {
        CameraId id = CameraId.of(DEVICE);
        StreamRequest request = new StreamRequest(
                new CameraInfo(id, DEVICE, id.modelId(), "", "127.0.0.1", true),
                new P2pCredential("1", "token", Instant.MAX),
                Quality.HD);
        return new BenchSession(
                connector,
                request,
                new VideoCheck(List.of(PICTURE_A, PICTURE_B)),
                (task, delay) -> {
                    scheduled.add(task);
                    delays.add(delay);
                    return CompletableFuture.completedFuture(null);
                },
                () -> nanos);
    }

    @Test
    void firstByteTimeCountsFromOpeningAndPicturesAreChecked() {
        BenchSession s = session();
        s.start();
        nanos += 420_000_000L;
        handlers.get(0).onVideo(PICTURE_A, 0, PICTURE_A.length);
        nanos += 1_000_000_000L;
        handlers.get(0).onVideo(PICTURE_B, 0, PICTURE_B.length);
        BenchSession.Result r = s.result();
        assertThat(r.deviceId()).isEqualTo(DEVICE);
        assertThat(r.firstByteMillis()).isEqualTo(420);
        assertThat(r.bytes()).isEqualTo(PICTURE_A.length + PICTURE_B.length);
        assertThat(r.intact()).isEqualTo(2);
        assertThat(r.lost()).isZero();
        assertThat(r.retransmits()).isEqualTo(10);
        assertThat(r.failures()).isZero();
    }

    @Test
    void noVideoMeansNoFirstByteTime() {
        BenchSession s = session();
        s.start();
        assertThat(s.result().firstByteMillis()).isEqualTo(-1);
        assertThat(s.result().bytes()).isZero();
    }

    @Test
    void aFailedSessionIsOpenedAgainAfterTheDelayAndStartsAtTheFirstPicture() {
        BenchSession s = session();
        s.start();
        handlers.get(0).onVideo(PICTURE_A, 0, PICTURE_A.length);
        handlers.get(0).onVideo(PICTURE_B, 0, 3);
        handlers.get(0).onEnded(FailureReason.DEVICE_NOT_FOUND, "the P2P server sent no device list");
        assertThat(delays).containsExactly(BenchSession.RESTART_DELAY_MS);
        assertThat(handlers).hasSize(1);

        scheduled.get(0).run();
        assertThat(handlers).hasSize(2);
        handlers.get(1).onVideo(PICTURE_A, 0, PICTURE_A.length);
        BenchSession.Result r = s.result();
        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.lastFailure()).startsWith("device_not_found (");
        assertThat(r.intact()).isEqualTo(2);
        assertThat(r.lost()).isZero();
        // Both sessions' figures count.
        assertThat(r.retransmits()).isEqualTo(10 + 11);
    }

    @Test
    void stopClosesEverySessionAndCancelsRestarts() throws InterruptedException {
        BenchSession s = session();
        s.start();
        handlers.get(0).onEnded(FailureReason.DEVICE_NOT_FOUND, "x");
        s.stop(1);
        assertThat(closed).containsExactly(true);
        scheduled.get(0).run();
        assertThat(handlers).as("no new session after stop").hasSize(1);
        handlers.get(0).onEnded(FailureReason.CAMERA_UNREACHABLE, "late");
        assertThat(scheduled).hasSize(1);
        assertThat(s.result().failures()).isEqualTo(1);
    }
}
