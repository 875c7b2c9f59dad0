package dev.gwellbridge.e2e;

import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraListener;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the supervisor tells its listeners, each with the wall-clock time it was heard, so
 * full-stack tests can assert on the sequence and timing of statuses, events and snapshots.
 */
final class CameraRecorder implements CameraListener {
    /** A status heard for a camera. */
    record Heard(Instant at, CameraId id, CameraStatus status) {}

    /** A snapshot heard for a camera. */
    static final class Snapshot {
        private final Instant at;
        private final CameraId id;
        private final byte[] jpeg;

        Snapshot(Instant at, CameraId id, byte[] jpeg) {
            this.at = at;
            this.id = id;
            this.jpeg = jpeg.clone();
        }

        Instant at() {
            return at;
        }

        CameraId id() {
            return id;
        }

        byte[] jpeg() {
            return jpeg.clone();
        }
    }

    /** An event heard for a camera. */
    record Event(Instant at, CameraId id, CameraEvent event) {}

    private final List<Heard> statuses = new CopyOnWriteArrayList<>();
    private final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void onState(CameraState state) {
        statuses.add(new Heard(Instant.now(), state.info().id(), state.status()));
    }

    @Override
    public void onEvent(CameraId id, CameraEvent event) {
        events.add(new Event(Instant.now(), id, event));
    }

    @Override
    public void onSnapshot(CameraId id, byte[] jpeg) {
        snapshots.add(new Snapshot(Instant.now(), id, jpeg));
    }

    /** Every status heard for a camera, in order (repeats included: a state carries more than its status). */
    List<Heard> statuses(CameraId id) {
        return statuses.stream().filter(h -> h.id().equals(id)).toList();
    }

    /** The statuses heard for a camera at or after {@code from}. */
    List<Heard> statusesSince(CameraId id, Instant from) {
        return statuses(id).stream().filter(h -> !h.at().isBefore(from)).toList();
    }

    /** When a camera was first heard in {@code status} at or after {@code from}, if it was. */
    Optional<Instant> firstSince(CameraId id, CameraStatus status, Instant from) {
        return statusesSince(id, from).stream()
                .filter(h -> h.status() == status)
                .map(Heard::at)
                .findFirst();
    }

    List<Snapshot> snapshots(CameraId id) {
        return snapshots.stream().filter(s -> s.id().equals(id)).toList();
    }

    List<Event> events(CameraId id) {
        return events.stream().filter(e -> e.id().equals(id)).toList();
    }
}
