package dev.gwellbridge.camera;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The command side of the camera supervisor, used by MQTT and the page. Thread-safe; no method
 * blocks on a camera session.
 */
public interface CameraControl {

    /** Every known camera, sorted by slug. */
    List<CameraState> cameras();

    /** A camera by device id, MAC or slug (case-insensitive). */
    Optional<CameraState> find(String idMacOrSlug);

    /** Carries out a command; the future completes when it was accepted or refused. */
    CompletableFuture<CommandResult> command(CameraId id, CameraCommand command);

    /** The latest JPEG snapshot of a camera, if any. */
    Optional<byte[]> latestSnapshot(CameraId id);

    /** Re-reads the camera list from the account (rate limited). */
    CompletableFuture<CommandResult> refreshCameras();

    /** Starts every enabled camera's stream (same as a Start command for each). */
    CompletableFuture<CommandResult> startAll();

    /** Stops every camera's stream. */
    CompletableFuture<CommandResult> stopAll();

    /** Tears down and re-establishes every running session through the handshake queue. */
    CompletableFuture<CommandResult> restartAll();

    /**
     * Tells an on-demand camera that someone is watching (e.g. the live view fetched a playlist), so
     * it starts or stays up until the idle timeout.
     */
    void viewerActive(CameraId id);

    /** Cameras waiting for their turn to set up a session. */
    int handshakeQueueDepth();

    /** Registers a listener; it first receives the current state of every camera. */
    void addListener(CameraListener listener);

    void removeListener(CameraListener listener);
}
