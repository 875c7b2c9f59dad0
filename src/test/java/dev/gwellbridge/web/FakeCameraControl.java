package dev.gwellbridge.web;

import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraControl;
import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraListener;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CommandResult;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** An in-memory camera supervisor: holds states, records commands and viewers, notifies listeners. */
final class FakeCameraControl implements CameraControl {
    record Sent(CameraId id, CameraCommand command) {}

    final List<Sent> commands = new CopyOnWriteArrayList<>();
    final List<CameraId> viewers = new CopyOnWriteArrayList<>();
    final AtomicInteger refreshes = new AtomicInteger();
    volatile BiFunction<CameraId, CameraCommand, CommandResult> answer =
            (id, c) -> CommandResult.accepted(c.name() + " accepted");
    volatile CommandResult refreshAnswer = CommandResult.accepted("Camera list refreshed.");

    private final Map<CameraId, CameraState> states = new ConcurrentHashMap<>();
    private final Map<CameraId, byte[]> snapshots = new ConcurrentHashMap<>();
    private final List<CameraListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds or replaces a camera's state and tells the listeners. */
    void put(CameraState s) {
        states.put(s.id(), s);
        listeners.forEach(l -> l.onState(s));
    }

    /** Replaces a camera's state without telling the listeners, as the supervisor does with figures alone. */
    void putQuietly(CameraState s) {
        states.put(s.id(), s);
    }

    void event(CameraId id, CameraEvent e) {
        listeners.forEach(l -> l.onEvent(id, e));
    }

    void snapshot(CameraId id, byte[] jpeg) {
        snapshots.put(id, jpeg.clone());
        listeners.forEach(l -> l.onSnapshot(id, jpeg));
    }

    void remove(CameraId id) {
        CameraState s = states.remove(id);
        if (s != null) {
            listeners.forEach(l -> l.onRemoved(id, s.slug()));
        }
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public List<CameraState> cameras() {
        return states.values().stream()
                .sorted(Comparator.comparing(CameraState::slug))
                .toList();
    }

    @Override
    public Optional<CameraState> find(String key) {
        return states.values().stream()
                .filter(s -> s.id().deviceId().equalsIgnoreCase(key)
                        || s.id().mac().equalsIgnoreCase(key)
                        || s.slug().equalsIgnoreCase(key))
                .findFirst();
    }

    @Override
    public CompletableFuture<CommandResult> command(CameraId id, CameraCommand command) {
        commands.add(new Sent(id, command));
        return CompletableFuture.completedFuture(answer.apply(id, command));
    }

    @Override
    public Optional<byte[]> latestSnapshot(CameraId id) {
        return Optional.ofNullable(snapshots.get(id)).map(byte[]::clone);
    }

    @Override
    public CompletableFuture<CommandResult> refreshCameras() {
        refreshes.incrementAndGet();
        return CompletableFuture.completedFuture(refreshAnswer);
    }

    @Override
    public CompletableFuture<CommandResult> startAll() {
        return CompletableFuture.completedFuture(CommandResult.accepted("all started"));
    }

    @Override
    public CompletableFuture<CommandResult> stopAll() {
        return CompletableFuture.completedFuture(CommandResult.accepted("all stopped"));
    }

    @Override
    public CompletableFuture<CommandResult> restartAll() {
        return CompletableFuture.completedFuture(CommandResult.accepted("all restarted"));
    }

    @Override
    public void viewerActive(CameraId id) {
        viewers.add(id);
    }

    @Override
    public int handshakeQueueDepth() {
        return 1;
    }

    @Override
    public void addListener(CameraListener listener) {
        listeners.add(listener);
        states.values().forEach(listener::onState);
    }

    @Override
    public void removeListener(CameraListener listener) {
        listeners.remove(listener);
    }
}
