package dev.gwellbridge.camera;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervised cameras: the account's list (retried until the cloud answers, refreshed on
 * request), a worker per camera with its slug and overrides, and the persisted records. Confined
 * to the supervisor's serial lane.
 */
final class CameraRoster {
    private static final Logger LOG = LoggerFactory.getLogger(CameraRoster.class);

    private final SupervisorContext ctx;
    private final CameraStore store;
    private final BooleanSupplier closed;
    private final Map<CameraId, CameraWorker> workers = new HashMap<>();
    private final Map<CameraId, StoredCamera> persisted = new TreeMap<>();
    private SlugAllocator slugs;
    private int listFailures;

    CameraRoster(SupervisorContext ctx, CameraStore store, BooleanSupplier closed) {
        this.ctx = ctx;
        this.store = store;
        this.closed = closed;
    }

    boolean loaded() {
        return slugs != null;
    }

    /** Reads the store, then lists the account's cameras (retrying until the cloud answers). */
    void load() {
        persisted.putAll(store.load());
        Map<CameraId, String> frozen = new HashMap<>();
        persisted.forEach((id, s) -> frozen.put(id, s.slug()));
        slugs = new SlugAllocator(frozen);
        listCameras();
    }

    /** The worker of a device id, or of the same MAC under another prefix; null when unknown. */
    CameraWorker find(CameraId id) {
        CameraWorker w = workers.get(id);
        if (w != null) {
            return w;
        }
        for (CameraWorker c : workers.values()) {
            if (c.id.mac().equalsIgnoreCase(id.mac())) {
                return c;
            }
        }
        return null;
    }

    /** Every worker, sorted by slug. */
    List<CameraWorker> sorted() {
        List<CameraWorker> all = new ArrayList<>(workers.values());
        all.sort(Comparator.comparing(w -> w.slug));
        return all;
    }

    /** Saves a worker's stored record. */
    void persist(CameraWorker w) {
        persisted.put(w.id, w.stored);
        save();
    }

    /** Adds new cameras, refreshes known ones and removes those that left the account. */
    void apply(List<CameraInfo> list) {
        if (closed.getAsBoolean() || !loaded()) {
            return;
        }
        Set<CameraId> seen = new HashSet<>();
        List<CameraInfo> byId = new ArrayList<>(list);
        byId.sort(Comparator.comparing(CameraInfo::id));
        boolean added = false;
        for (CameraInfo info : byId) {
            if (!seen.add(info.id())) {
                continue;
            }
            CameraWorker w = workers.get(info.id());
            if (w == null) {
                add(info);
                added = true;
            } else {
                w.guarded(() -> w.updateInfo(info)).run();
            }
        }
        for (CameraWorker w : List.copyOf(workers.values())) {
            if (!seen.contains(w.id)) {
                remove(w);
            }
        }
        if (added) {
            save();
        }
    }

    private void listCameras() {
        ctx.scheduler.offload(() -> {
            try {
                List<CameraInfo> list = ctx.credentials.cameras(false);
                ctx.scheduler.execute(() -> {
                    listFailures = 0;
                    apply(list);
                });
            } catch (CredentialException e) {
                ctx.scheduler.execute(() ->
                        listFailed(e.code(), e.getMessage(), e.retryAfter().orElse(null)));
            } catch (RuntimeException e) {
                LOG.error("Listing the cameras failed", e);
                ctx.scheduler.execute(() -> listFailed("internal", e.toString(), null));
            }
        });
    }

    private void listFailed(String code, String message, Instant retryAfter) {
        listFailures++;
        Duration delay = ctx.backoff.delay(Math.min(listFailures, BackoffPolicy.STEPS.size()));
        Instant now = ctx.clock.instant();
        if (retryAfter != null && retryAfter.isAfter(now.plus(delay))) {
            delay = Duration.between(now, retryAfter);
        }
        if (listFailures == 1) {
            LOG.warn("Cannot list the cameras ({}: {}); retrying in {}", code, message, StatusText.human(delay));
        } else {
            LOG.debug("Cannot list the cameras ({}); retry {} in {}", code, listFailures, StatusText.human(delay));
        }
        ctx.scheduler.schedule(delay, () -> {
            if (!closed.getAsBoolean()) {
                listCameras();
            }
        });
    }

    private void add(CameraInfo info) {
        CameraId id = info.id();
        CameraSettings overrides = ctx.settings.forCamera(id);
        String slug = slugs.assign(id, info.name(), overrides.name());
        StoredCamera stored = persisted.computeIfAbsent(
                id, k -> StoredCamera.firstSight(slugs.frozen(k).orElse(slug)));
        CameraWorker w = new CameraWorker(ctx, info, slug, overrides, stored);
        workers.put(id, w);
        LOG.info("Camera {} ({}, {}) is {}", info.name(), id, info.modelName(), slug);
        w.guarded(() -> w.reconcile("start")).run();
    }

    private void remove(CameraWorker w) {
        LOG.info("Camera {} left the account", w.label());
        try {
            w.stopSession("removed");
            w.snapshots.refuseWaiting("unknown_camera", "The camera left the account.");
        } catch (RuntimeException e) {
            LOG.error("Camera {}: stopping a removed camera failed", w.label(), e);
        }
        ctx.queue.remove(w.id);
        ctx.queue.release(w.id);
        workers.remove(w.id);
        slugs.release(w.id);
        ctx.states.remove(w.id);
        ctx.snapshots.remove(w.id);
        ctx.listeners.removed(w.id, w.slug);
    }

    private void save() {
        try {
            store.save(Map.copyOf(persisted));
        } catch (IOException e) {
            LOG.warn("Could not save the camera state: {}", e.toString());
        }
    }
}
