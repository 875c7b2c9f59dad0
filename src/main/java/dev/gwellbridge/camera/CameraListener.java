package dev.gwellbridge.camera;

/**
 * Receives camera state, events and snapshots from the supervisor.
 *
 * <p>Called on supervisor threads: implementations must return quickly and never block (queue the
 * work instead). Exceptions thrown here are logged and do not affect the camera.
 */
public interface CameraListener {

    /** A camera's snapshot changed (status, stats, intent, info...). */
    default void onState(CameraState state) {}

    /** An event happened to a camera. */
    default void onEvent(CameraId id, CameraEvent event) {}

    /** A new JPEG snapshot is the camera's latest. */
    default void onSnapshot(CameraId id, byte[] jpeg) {}

    /** A camera left the account (or the options); outputs should clear what they published for it. */
    default void onRemoved(CameraId id, String slug) {}
}
