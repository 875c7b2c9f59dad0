package dev.gwellbridge.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraListener;
import dev.gwellbridge.camera.CameraState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's live feed: camera states, events, snapshots, bridge and account status pushed to every
 * open {@code api/events} stream.
 *
 * <p>Supervisor threads call the {@link CameraListener} methods, which only record and schedule
 * work; everything that writes to a stream runs on the single {@code web-events} thread, so a new
 * subscriber's first full picture and the updates that follow can never overtake each other.
 * Camera states and snapshot notices are coalesced per camera (the newest wins); events are queued
 * up to a bound and counted when dropped. The supervisor notifies changes of live figures alone
 * (frame rate, last frame age) only every half minute, which suits MQTT but leaves a card stale, so
 * the feed also re-reads the cameras every {@value #FIGURES_PERIOD_MS} ms and sends those whose
 * figures moved.
 *
 * <p>Event names: {@code cameras} (full list, sent first), {@code camera}, {@code removed}, {@code
 * event}, {@code snapshot}, {@code bridge}, {@code account}.
 */
final class EventHub implements CameraListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int MAX_QUEUED_EVENTS = 500;
    private static final long STATUS_PERIOD_MS = 2_000;
    private static final long PING_PERIOD_MS = 15_000;
    private static final long FIGURES_PERIOD_MS = 5_000;

    /** One open stream. Called only on the {@code web-events} thread. */
    interface Sink {
        /** Sends one event; false when the stream is gone. */
        boolean send(String event, String data);

        /** Sends a comment line (keeps proxies from timing the stream out); false when gone. */
        boolean comment(String text);

        /** Ends the stream. */
        void close();
    }

    private final WebBackend backend;
    private final ScheduledExecutorService executor;
    private final Map<CameraId, CameraState> pendingStates = new ConcurrentHashMap<>();
    private final Set<CameraId> pendingSnapshots = ConcurrentHashMap.newKeySet();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final AtomicLong droppedEvents = new AtomicLong();
    private final AtomicLong snapshotSerial = new AtomicLong();
    private final List<Sink> sinks = new ArrayList<>();
    /** The state each camera was last sent with; only touched on the {@code web-events} thread. */
    private final Map<CameraId, CameraState> sent = new HashMap<>();

    private final List<ScheduledFuture<?>> periodic = new CopyOnWriteArrayList<>();
    private final AtomicInteger sinkCount = new AtomicInteger();
    private String lastBridge = "";
    private String lastBridgeJson = "{}";
    private String lastAccount = "";

    EventHub(WebBackend backend) {
        this.backend = backend;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "web-events");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the periodic status check and keep-alive pings. */
    void start() {
        periodic.add(executor.scheduleWithFixedDelay(
                this::statusTick, STATUS_PERIOD_MS, STATUS_PERIOD_MS, TimeUnit.MILLISECONDS));
        periodic.add(
                executor.scheduleWithFixedDelay(this::ping, PING_PERIOD_MS, PING_PERIOD_MS, TimeUnit.MILLISECONDS));
        periodic.add(executor.scheduleWithFixedDelay(
                this::figuresTick, FIGURES_PERIOD_MS, FIGURES_PERIOD_MS, TimeUnit.MILLISECONDS));
    }

    /** Sends the cameras whose live figures changed since they were last sent (also done periodically). */
    void pushLiveFigures() {
        submit(this::figuresTick);
    }

    /** Adds a stream; it first receives the bridge, the account and every camera. */
    void attach(Sink sink) {
        submit(() -> {
            // Bring existing streams up to date first, so the remembered status is the one sent here.
            statusTick();
            sinks.add(sink);
            sinkCount.set(sinks.size());
            if (!sink.send("bridge", lastBridgeJson)
                    || !sink.send("account", lastAccount)
                    || !sink.send("cameras", Json.write(camerasView()))) {
                drop(sink);
            }
        });
    }

    /** Forgets a stream that ended. */
    void detach(Sink sink) {
        submit(() -> drop(sink));
    }

    /** Pushes bridge and account status now (after an action that changed them). */
    void statusChanged() {
        submit(this::statusTick);
    }

    /** Open streams, for diagnostics and tests. */
    int subscribers() {
        return sinkCount.get();
    }

    /** Events dropped because the queue was full. */
    long droppedEvents() {
        return droppedEvents.get();
    }

    @Override
    public void onState(CameraState state) {
        if (pendingStates.put(state.id(), state) == null) {
            submit(this::flushStates);
        }
    }

    @Override
    public void onEvent(CameraId id, CameraEvent event) {
        if (queuedEvents.incrementAndGet() > MAX_QUEUED_EVENTS) {
            queuedEvents.decrementAndGet();
            if (droppedEvents.incrementAndGet() == 1) {
                LOG.warn("Live page feed is falling behind; dropping camera events for the page");
            }
            return;
        }
        submit(() -> {
            queuedEvents.decrementAndGet();
            String slug =
                    backend.cameras().find(id.deviceId()).map(CameraState::slug).orElse("");
            broadcast("event", Json.write(Views.event(id, slug, event)));
        });
    }

    @Override
    public void onSnapshot(CameraId id, byte[] jpeg) {
        if (pendingSnapshots.add(id)) {
            submit(this::flushSnapshots);
        }
    }

    @Override
    public void onRemoved(CameraId id, String slug) {
        pendingStates.remove(id);
        submit(() -> {
            sent.remove(id);
            ObjectNode n = Json.object();
            n.put("id", id.deviceId());
            n.put("slug", slug);
            broadcast("removed", Json.write(n));
        });
    }

    @Override
    public void close() {
        periodic.forEach(f -> f.cancel(false));
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Sink s : List.copyOf(sinks)) {
            closeQuietly(s);
        }
        sinks.clear();
        sinkCount.set(0);
    }

    private void flushStates() {
        for (CameraId id : List.copyOf(pendingStates.keySet())) {
            CameraState s = pendingStates.remove(id);
            CameraState last = sent.get(id);
            // The figures tick may already have sent a newer state read from the supervisor.
            if (s != null && (last == null || !s.updatedAt().isBefore(last.updatedAt()))) {
                sendCamera(s);
            }
        }
    }

    private void figuresTick() {
        if (sinks.isEmpty()) {
            return;
        }
        try {
            for (CameraState s : backend.cameras().cameras()) {
                CameraState last = sent.get(s.id());
                if (last != null
                        && !s.stats().equals(last.stats())
                        && !s.updatedAt().isBefore(last.updatedAt())) {
                    sendCamera(s);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not read the cameras' live figures for the page: {}", e.toString());
        }
    }

    private void sendCamera(CameraState s) {
        sent.put(s.id(), s);
        broadcast("camera", Json.write(Views.camera(backend, s)));
    }

    private void flushSnapshots() {
        for (CameraId id : List.copyOf(pendingSnapshots)) {
            pendingSnapshots.remove(id);
            ObjectNode n = Json.object();
            n.put("id", id.deviceId());
            n.put("snapshot_url", Views.snapshotUrl(id) + "?v=" + snapshotSerial.incrementAndGet());
            broadcast("snapshot", Json.write(n));
        }
    }

    private void statusTick() {
        try {
            ObjectNode bridge = bridgeView();
            ObjectNode comparable = bridge.deepCopy();
            comparable.remove("uptime_s");
            String key = Json.write(comparable);
            lastBridgeJson = Json.write(bridge);
            if (!key.equals(lastBridge)) {
                lastBridge = key;
                broadcast("bridge", lastBridgeJson);
            }
            String account = Json.write(accountView());
            if (!account.equals(lastAccount)) {
                lastAccount = account;
                broadcast("account", account);
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not read the bridge status for the page: {}", e.toString());
        }
    }

    private void ping() {
        for (Sink s : List.copyOf(sinks)) {
            boolean alive;
            try {
                alive = s.comment("ping");
            } catch (RuntimeException e) {
                alive = false;
            }
            if (!alive) {
                drop(s);
            }
        }
    }

    private void broadcast(String event, String data) {
        for (Sink s : List.copyOf(sinks)) {
            boolean alive;
            try {
                alive = s.send(event, data);
            } catch (RuntimeException e) {
                alive = false;
            }
            if (!alive) {
                drop(s);
            }
        }
    }

    private void drop(Sink sink) {
        if (sinks.remove(sink)) {
            closeQuietly(sink);
        }
        sinkCount.set(sinks.size());
    }

    private ObjectNode bridgeView() {
        return Views.bridge(
                backend.bridge().get(),
                backend.clock().instant(),
                backend.alive().getAsBoolean());
    }

    private ObjectNode accountView() {
        return Views.account(backend.account().fields(), backend.account().status());
    }

    private ArrayNode camerasView() {
        ArrayNode arr = Json.array();
        for (CameraState s : backend.cameras().cameras()) {
            sent.put(s.id(), s);
            arr.add(Views.camera(backend, s));
        }
        return arr;
    }

    private void submit(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Live page feed task failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Live page feed is closed; dropping an update");
        }
    }

    private static void closeQuietly(Sink s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing a live page stream failed: {}", e.toString());
        }
    }
}
