package dev.gwellbridge.e2e;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.StreamHandler;
import dev.gwellbridge.camera.Transport;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link StreamHandler} that keeps everything one session produced, for tests that drive a
 * {@code SessionConnector} directly: the H.264, the transports announced and how the session ended.
 */
public final class RecordingHandler implements StreamHandler {
    /** How a session ended. */
    public record End(FailureReason reason, String detail) {}

    private final ByteArrayOutputStream video = new ByteArrayOutputStream();
    private final List<Transport> streaming = new CopyOnWriteArrayList<>();
    private final List<String> phases = new CopyOnWriteArrayList<>();
    private final AtomicInteger endings = new AtomicInteger();
    private volatile End end;

    @Override
    public void onPhase(String phase) {
        phases.add(phase);
    }

    @Override
    public void onStreaming(Transport transport) {
        streaming.add(transport);
    }

    @Override
    public void onVideo(byte[] data, int offset, int length) {
        synchronized (video) {
            video.write(data, offset, length);
        }
    }

    @Override
    public void onEnded(FailureReason reason, String detail) {
        endings.incrementAndGet();
        end = new End(reason, detail);
    }

    /** The H.264 received so far. */
    public byte[] video() {
        synchronized (video) {
            return video.toByteArray();
        }
    }

    /** Bytes of H.264 received so far. */
    public int size() {
        synchronized (video) {
            return video.size();
        }
    }

    /** Every transport {@code onStreaming} announced, in order. */
    public List<Transport> streaming() {
        return List.copyOf(streaming);
    }

    public List<String> phases() {
        return List.copyOf(phases);
    }

    /** How the session ended, if it did. */
    public Optional<End> end() {
        return Optional.ofNullable(end);
    }

    /** How many times {@code onEnded} was called (the contract says once). */
    public int endings() {
        return endings.get();
    }
}
