package dev.gwellbridge.mqtt;

import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraControl;
import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CameraListener;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.camera.Transport;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * An in-memory camera supervisor for tests: records every command, applies the usual effect of
 * start/stop/quality/snapshot to its state (as the real supervisor would) and lets the test push
 * state, events and snapshots to the listeners.
 */
public final class FakeCameraControl implements CameraControl {

    /** A command as received. */
    public record Received(CameraId id, CameraCommand command) {}

    private final InstantSource clock;
    private final Map<CameraId, CameraState> states = new ConcurrentHashMap<>();
    private final Map<CameraId, byte[]> snapshots = new ConcurrentHashMap<>();
    private final List<CameraListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Received> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger startAll = new AtomicInteger();
    private final AtomicInteger stopAll = new AtomicInteger();
    private final AtomicInteger restartAll = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile BiFunction<CameraId, CameraCommand, CommandResult> answer =
            (id, c) -> CommandResult.accepted("ok");

    public FakeCameraControl(InstantSource clock) {
        this.clock = clock;
    }

    /** A typical camera: a Doorbell Pro named "Front Door", reachable, idle, stream switch on. */
    public static CameraState frontDoor(Instant at) {
        CameraInfo info = new CameraInfo(
                CameraId.of("GW_BE1_AABBCCDDEEFF"), "Front Door", "GW_BE1", "1.0.77", "192.168.1.50", true);
        return new CameraState(
                info,
                "front_door",
                CameraStatus.IDLE,
                null,
                "",
                true,
                true,
                true,
                Quality.HD,
                StreamMode.ON_DEMAND,
                Transport.NONE,
                CameraStats.EMPTY,
                at);
    }

    /** Replaces a camera's state and tells the listeners. */
    public void push(CameraState s) {
        states.put(s.id(), s);
        listeners.forEach(l -> l.onState(s));
    }

    /**
     * Replaces a camera's state without telling the listeners, as the supervisor refreshes live
     * figures between notifications.
     */
    public void refreshQuietly(CameraState s) {
        states.put(s.id(), s);
    }

    public void emit(CameraId id, CameraEvent e) {
        listeners.forEach(l -> l.onEvent(id, e));
    }

    /** Sets the latest snapshot without telling anyone (what a reconnect republishes). */
    public void storeSnapshot(CameraId id, byte[] jpeg) {
        snapshots.put(id, jpeg.clone());
    }

    /** A new snapshot, told to the listeners. */
    public void snapshot(CameraId id, byte[] jpeg) {
        storeSnapshot(id, jpeg);
        listeners.forEach(l -> l.onSnapshot(id, jpeg));
    }

    public void remove(CameraId id) {
        CameraState s = states.remove(id);
        if (s != null) {
            listeners.forEach(l -> l.onRemoved(id, s.slug()));
        }
    }

    /** How the next commands are answered. */
    public void answer(BiFunction<CameraId, CameraCommand, CommandResult> a) {
        this.answer = a;
    }

    public List<Received> commands() {
        return List.copyOf(commands);
    }

    public CameraState state(CameraId id) {
        return states.get(id);
    }

    public int startAllCalls() {
        return startAll.get();
    }

    public int stopAllCalls() {
        return stopAll.get();
    }

    public int restartAllCalls() {
        return restartAll.get();
    }

    public int refreshCalls() {
        return refreshes.get();
    }

    public int listenerCount() {
        return listeners.size();
    }

    @Override
    public List<CameraState> cameras() {
        List<CameraState> all = new ArrayList<>(states.values());
        all.sort(Comparator.comparing(CameraState::slug));
        return all;
    }

    @Override
    public Optional<CameraState> find(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        return states.values().stream()
                .filter(s -> s.id().deviceId().equals(k)
                        || s.id().mac().equals(k)
                        || s.slug().equalsIgnoreCase(key))
                .findFirst();
    }

    @Override
    public CompletableFuture<CommandResult> command(CameraId id, CameraCommand command) {
        commands.add(new Received(id, command));
        CommandResult r = answer.apply(id, command);
        if (r.ok()) {
            apply(id, command);
        }
        return CompletableFuture.completedFuture(r);
    }

    private void apply(CameraId id, CameraCommand command) {
        CameraState s = states.get(id);
        if (s == null) {
            return;
        }
        if (command instanceof CameraCommand.Start) {
            push(with(s, true, CameraStatus.STREAMING, s.quality()));
        } else if (command instanceof CameraCommand.Stop) {
            push(with(s, false, CameraStatus.IDLE, s.quality()));
        } else if (command instanceof CameraCommand.SetQuality q) {
            push(with(s, s.streamOn(), s.status(), q.quality()));
        } else if (command instanceof CameraCommand.Snapshot) {
            byte[] jpeg = snapshots.get(id);
            if (jpeg != null) {
                snapshot(id, jpeg);
            }
        }
    }

    private CameraState with(CameraState s, boolean on, CameraStatus status, Quality quality) {
        boolean streaming = status == CameraStatus.STREAMING;
        CameraStats stats = streaming
                ? new CameraStats(20, 1000, s.stats().reconnects(), 0.1, clock.instant(), 0, 0, 1)
                : CameraStats.EMPTY;
        return new CameraState(
                s.info(),
                s.slug(),
                status,
                s.reason(),
                s.message(),
                on,
                s.available(),
                s.enabled(),
                quality,
                s.mode(),
                streaming ? Transport.LAN_UDP : Transport.NONE,
                stats,
                clock.instant());
    }

    @Override
    public Optional<byte[]> latestSnapshot(CameraId id) {
        return Optional.ofNullable(snapshots.get(id)).map(byte[]::clone);
    }

    @Override
    public CompletableFuture<CommandResult> refreshCameras() {
        refreshes.incrementAndGet();
        return CompletableFuture.completedFuture(CommandResult.accepted("Camera list refreshed."));
    }

    @Override
    public CompletableFuture<CommandResult> startAll() {
        startAll.incrementAndGet();
        return CompletableFuture.completedFuture(CommandResult.accepted("Started."));
    }

    @Override
    public CompletableFuture<CommandResult> stopAll() {
        stopAll.incrementAndGet();
        return CompletableFuture.completedFuture(CommandResult.accepted("Stopped."));
    }

    @Override
    public CompletableFuture<CommandResult> restartAll() {
        restartAll.incrementAndGet();
        return CompletableFuture.completedFuture(CommandResult.refused("rate_limited", "Too many restarts."));
    }

    @Override
    public void viewerActive(CameraId id) {}

    @Override
    public int handshakeQueueDepth() {
        return 0;
    }

    @Override
    public void addListener(CameraListener listener) {
        listeners.add(listener);
        cameras().forEach(listener::onState);
    }

    @Override
    public void removeListener(CameraListener listener) {
        listeners.remove(listener);
    }
}
