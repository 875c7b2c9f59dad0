package dev.gwellbridge.camera;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's listeners. A listener that throws is logged and skipped; the others and the
 * camera carry on. Notified only from the supervisor's serial lane, so each listener sees one
 * camera's changes in order.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<CameraListener> all = new CopyOnWriteArrayList<>();

    void add(CameraListener l) {
        all.add(l);
    }

    void remove(CameraListener l) {
        all.remove(l);
    }

    void state(CameraState s) {
        each(s.id(), "state", l -> l.onState(s));
    }

    void event(CameraId id, CameraEvent e) {
        each(id, e.type(), l -> l.onEvent(id, e));
    }

    void snapshot(CameraId id, byte[] jpeg) {
        each(id, "snapshot", l -> l.onSnapshot(id, jpeg.clone()));
    }

    void removed(CameraId id, String slug) {
        each(id, "removal", l -> l.onRemoved(id, slug));
    }

    /** Calls one listener, isolating its failure. */
    static void call(CameraListener l, CameraId id, String what, Consumer<CameraListener> call) {
        try {
            call.accept(l);
        } catch (RuntimeException e) {
            LOG.error("Camera {}: listener {} failed on {}", id, l.getClass().getName(), what, e);
        }
    }

    private void each(CameraId id, String what, Consumer<CameraListener> call) {
        for (CameraListener l : all) {
            call(l, id, what, call);
        }
    }
}
