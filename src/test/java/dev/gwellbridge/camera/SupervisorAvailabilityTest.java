package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** went_offline once per transition, came_online when the camera returns. */
class SupervisorAvailabilityTest {
    private static final CameraInfo CAM = Fakes.camera("0A1B2C3D4E5F", "Garage");

    private List<String> availabilityEvents(Harness h) {
        return h.heard.types(CAM.id()).stream()
                .filter(t -> t.equals("went_offline") || t.equals("came_online"))
                .toList();
    }

    @Test
    void unreachableAttemptsAnnounceOfflineOnceAndStreamingBringsItBack() {
        Harness h = new Harness(Harness.always(), CAM).start();
        assertThat(h.state(CAM).available()).isTrue();

        h.fails(CAM, FailureReason.CAMERA_UNREACHABLE);
        CameraState s = h.state(CAM);
        assertThat(s.available()).isFalse();
        assertThat(s.status()).isEqualTo(CameraStatus.OFFLINE);
        assertThat(s.reason()).isEqualTo(FailureReason.CAMERA_UNREACHABLE);
        assertThat(h.heard.events(CAM.id()))
                .contains(new CameraEvent.WentOffline(h.now(), FailureReason.CAMERA_UNREACHABLE));

        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.DEVICE_NOT_FOUND);
        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.CAMERA_UNREACHABLE);
        assertThat(availabilityEvents(h)).containsExactly("went_offline");

        h.nextSession(CAM, Duration.ofMinutes(3));
        h.streams(CAM);
        assertThat(h.state(CAM).available()).isTrue();
        assertThat(availabilityEvents(h)).containsExactly("went_offline", "came_online");
    }

    @Test
    void otherFailuresDoNotMakeTheCameraUnavailable() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.fails(CAM, FailureReason.SERVER_UNREACHABLE);
        assertThat(h.state(CAM).available()).isTrue();
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.BACKOFF);
        assertThat(availabilityEvents(h)).isEmpty();
    }

    @Test
    void aFailureOfAnotherKindAfterUnreachableMakesItAvailableAgain() {
        Harness h = new Harness(Harness.always(), CAM).start();
        h.fails(CAM, FailureReason.CAMERA_UNREACHABLE);
        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.RELAY_ONLY);
        assertThat(h.state(CAM).available()).isTrue();
        assertThat(availabilityEvents(h)).containsExactly("went_offline", "came_online");
    }

    @Test
    void theCloudsOnlineFlagCountsToo() {
        Harness h = new Harness(Harness.onDemand(), CAM).start();
        h.account.cameras.set(0, new CameraInfo(CAM.id(), "Garage", "GW_GC1", "1.0", "", false));
        h.run(h.supervisor.refreshCameras());
        assertThat(h.state(CAM).available()).isFalse();
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.OFFLINE);
        assertThat(h.state(CAM).message()).isEqualTo("Wyze reports the camera offline.");

        h.run(h.supervisor.refreshCameras());
        assertThat(availabilityEvents(h)).containsExactly("went_offline");

        h.account.cameras.set(0, CAM);
        h.run(h.supervisor.refreshCameras());
        assertThat(h.state(CAM).available()).isTrue();
        assertThat(availabilityEvents(h)).containsExactly("went_offline", "came_online");
    }

    @Test
    void aCameraThatStartsOfflineAnnouncesNothingUntilItChanges() {
        CameraInfo off = new CameraInfo(CAM.id(), "Garage", "GW_GC1", "1.0", "", false);
        Harness h = new Harness(Harness.onDemand(), off).start();
        assertThat(h.state(off).available()).isFalse();
        assertThat(availabilityEvents(h)).isEmpty();
    }
}
