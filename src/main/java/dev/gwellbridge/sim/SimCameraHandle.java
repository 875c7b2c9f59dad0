package dev.gwellbridge.sim;

import java.time.Duration;

/**
 * Controls and observations of one running simulated camera. Thread-safe: commands run on the
 * simulator's loop thread and return once applied.
 */
public final class SimCameraHandle {
    private final SimulatorLoop loop;
    private final SimCamera camera;
    private final SimCameraInfo info;

    SimCameraHandle(SimulatorLoop loop, SimCamera camera, SimCameraInfo info) {
        this.loop = loop;
        this.camera = camera;
        this.info = info;
    }

    /** What a client needs to reach this camera. */
    public SimCameraInfo info() {
        return info;
    }

    /** The camera stops answering entirely (input ignored, nothing sent); its call is kept. */
    public void vanish() {
        loop.call(camera::vanish);
    }

    /** The camera answers again; its call survives unless the meter timeout passed meanwhile. */
    public void reappear() {
        loop.call(camera::reappear);
    }

    /** Both directions of the camera's UDP link lose every datagram for {@code duration} from now. */
    public void blackout(Duration duration) {
        loop.call(now -> camera.blackout(duration.toMillis(), now));
    }

    /** Whether the camera is sending video (the AV handshake is complete and the call alive). */
    public boolean streaming() {
        return camera.snapshotStreaming();
    }

    /** Whether the camera is vanished. */
    public boolean vanished() {
        return camera.snapshotVanished();
    }

    /**
     * The H.264 bytes this camera handed to KCP in its current stream, i.e. since the last head_info
     * (at most {@link SimulatorConfig#sentVideoLimit()} bytes are kept). A client that received the
     * whole stream has exactly these bytes.
     */
    public byte[] sentH264() {
        return camera.sentVideo().bytes();
    }

    /** Bytes of H.264 sent in the current stream, kept or not. */
    public long sentH264Total() {
        return camera.sentVideo().total();
    }

    /** How many streams this camera started (one per complete AV handshake). */
    public int streamsStarted() {
        return camera.sentVideo().streams();
    }

    @Override
    public String toString() {
        return "SimCameraHandle[" + info + "]";
    }
}
