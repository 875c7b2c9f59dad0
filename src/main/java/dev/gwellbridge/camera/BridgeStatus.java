package dev.gwellbridge.camera;

import java.time.Instant;
import java.util.List;

/**
 * The bridge as a whole, for {@code bridge/state}, the page's bridge panel and {@code api/health}.
 *
 * @param problems plain-English configuration problems (e.g. an invalid option), empty when none
 */
public record BridgeStatus(
        String version,
        Instant startedAt,
        int handshakeQueue,
        CloudStatus cloud,
        MqttStatus mqtt,
        CameraCounts cameras,
        List<String> problems) {

    public BridgeStatus {
        problems = List.copyOf(problems);
    }

    /** Camera totals by state. */
    public record CameraCounts(int total, int online, int streaming, int error) {

        public static CameraCounts of(List<CameraState> states) {
            int online = 0;
            int streaming = 0;
            int error = 0;
            for (CameraState s : states) {
                if (s.available()) {
                    online++;
                }
                if (s.status() == CameraStatus.STREAMING) {
                    streaming++;
                }
                if (s.status() == CameraStatus.ERROR) {
                    error++;
                }
            }
            return new CameraCounts(states.size(), online, streaming, error);
        }
    }
}
