package dev.gwellbridge.mqtt;

import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Burst control for camera commands, on a caller-supplied clock. A command runs at once unless one
 * for the same camera feature ran within the coalescing window; then it waits for the window's end
 * and a later one replaces it, so a burst ends in exactly its last command (skipped when it equals
 * the command that opened the window: ON, OFF, ON is one start). Separately, at most one
 * start or restart per camera runs within the start limit: HA toggles and Node-RED loops must not
 * turn into a P2P handshake storm.
 *
 * <p>Not thread-safe; confined to the bridge's {@code mqtt} thread.
 */
final class CommandGate {
    private final long windowMillis;
    private final long startLimitMillis;
    private final Map<Key, Slot> slots = new HashMap<>();
    private final Map<CameraId, Long> lastStart = new HashMap<>();

    CommandGate(Duration window, Duration startLimit) {
        this.windowMillis = window.toMillis();
        this.startLimitMillis = startLimit.toMillis();
    }

    /** Which feature a command belongs to ({@code stream} for start and stop). */
    record Key(CameraId id, String feature) {
        static Key of(CameraId id, CameraCommand command) {
            return new Key(id, command.name());
        }
    }

    /** What to do with an offered command. */
    sealed interface Offer {
        /** Run it now. */
        record RunNow() implements Offer {}

        /** It waits; schedule {@link #takePending} at {@code atMillis}. */
        record Deferred(long atMillis) implements Offer {}

        /** It replaced a waiting command, which is dropped; the flush is already scheduled. */
        record Replaced(CameraCommand dropped) implements Offer {}
    }

    Offer offer(CameraId id, CameraCommand command, long nowMillis) {
        Slot slot = slots.computeIfAbsent(Key.of(id, command), k -> new Slot());
        if (slot.pending == null && (!slot.ran || nowMillis - slot.lastRun >= windowMillis)) {
            slot.ran = true;
            slot.lastRun = nowMillis;
            slot.lastCommand = command;
            return new Offer.RunNow();
        }
        CameraCommand dropped = slot.pending;
        slot.pending = command;
        return dropped == null ? new Offer.Deferred(slot.lastRun + windowMillis) : new Offer.Replaced(dropped);
    }

    /**
     * The command that waited for the end of the window, which now counts as run; empty when none
     * waits or it repeats the command that already ran.
     */
    Optional<CameraCommand> takePending(Key key, long nowMillis) {
        Slot slot = slots.get(key);
        if (slot == null || slot.pending == null) {
            return Optional.empty();
        }
        CameraCommand c = slot.pending;
        slot.pending = null;
        if (c.equals(slot.lastCommand)) {
            return Optional.empty();
        }
        slot.ran = true;
        slot.lastRun = nowMillis;
        slot.lastCommand = c;
        return Optional.of(c);
    }

    /**
     * Whether a command may run under the start limit; records it when it is a start or restart.
     * Other commands always may.
     */
    boolean admitStart(CameraId id, CameraCommand command, long nowMillis) {
        if (!(command instanceof CameraCommand.Start) && !(command instanceof CameraCommand.Restart)) {
            return true;
        }
        Long last = lastStart.get(id);
        if (last != null && nowMillis - last < startLimitMillis) {
            return false;
        }
        lastStart.put(id, nowMillis);
        return true;
    }

    /** Forgets a removed camera. */
    void forget(CameraId id) {
        slots.keySet().removeIf(k -> k.id().equals(id));
        lastStart.remove(id);
    }

    private static final class Slot {
        boolean ran;
        long lastRun;
        CameraCommand lastCommand;
        CameraCommand pending;
    }
}
