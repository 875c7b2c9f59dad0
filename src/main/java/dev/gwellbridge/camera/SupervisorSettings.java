package dev.gwellbridge.camera;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Bridge-wide supervisor settings, mapped from the add-on options.
 *
 * @param mode default stream mode of cameras without an override
 * @param quality default quality of cameras without an override or a quality chosen by command
 * @param handshakeStagger the next session set-up starts no sooner than this after the previous one
 *     started
 * @param deadman a session without H.264 for this long is ended and reconnected
 * @param idleTimeout an on-demand session without viewers stops after this long
 * @param snapshotInterval periodic snapshot interval while streaming; zero turns them off
 * @param cameras per-camera overrides
 */
public record SupervisorSettings(
        StreamMode mode,
        Quality quality,
        Duration handshakeStagger,
        Duration deadman,
        Duration idleTimeout,
        Duration snapshotInterval,
        List<CameraSettings> cameras) {

    public static final SupervisorSettings DEFAULTS = new SupervisorSettings(
            StreamMode.ON_DEMAND,
            Quality.HD,
            Duration.ofSeconds(15),
            Duration.ofSeconds(120),
            Duration.ofSeconds(120),
            Duration.ofMinutes(10),
            List.of());

    public SupervisorSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(quality, "quality");
        requireNotNegative(handshakeStagger, "handshakeStagger");
        requirePositive(deadman, "deadman");
        requirePositive(idleTimeout, "idleTimeout");
        requireNotNegative(snapshotInterval, "snapshotInterval");
        cameras = List.copyOf(cameras);
    }

    /** The overrides of one camera, or the defaults when the options do not list it. */
    public CameraSettings forCamera(CameraId id) {
        return cameras.stream().filter(c -> c.matches(id)).findFirst().orElseGet(() -> CameraSettings.defaults(id));
    }

    /** A copy with other per-camera overrides. */
    public SupervisorSettings withCameras(List<CameraSettings> overrides) {
        return new SupervisorSettings(
                mode, quality, handshakeStagger, deadman, idleTimeout, snapshotInterval, overrides);
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    private static void requirePositive(Duration d, String name) {
        requireNotNegative(d, name);
        if (d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
