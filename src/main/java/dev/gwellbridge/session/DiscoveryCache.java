package dev.gwellbridge.session;

import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * What discovery learned, shared by every camera of a connector (GWELL-PROTOCOL.md §11.9): a working
 * server and the account's device list. Discovery itself is serialised: the first session that
 * needs it runs it, the others wait and reuse the result. Thread-safe.
 */
final class DiscoveryCache {

    /** A discovery result. */
    record Entry(Ipv4Endpoint server, List<DeviceEntry> devices, long learnedAt) {
        Entry {
            devices = List.copyOf(devices);
        }
    }

    private final long validityMillis;
    private final ReentrantLock discovering = new ReentrantLock();
    private volatile Entry entry;

    DiscoveryCache(long validityMillis) {
        this.validityMillis = validityMillis;
    }

    /** The cached result, if still valid at {@code now}. */
    Entry current(long now) {
        Entry e = entry;
        return e != null && now - e.learnedAt() < validityMillis ? e : null;
    }

    /** The device list learned from {@code server}, or empty. */
    List<DeviceEntry> devicesFrom(Ipv4Endpoint server) {
        Entry e = entry;
        return e != null && e.server().equals(server) ? e.devices() : List.of();
    }

    void store(Ipv4Endpoint server, List<DeviceEntry> devices, long now) {
        entry = new Entry(server, devices, now);
    }

    void invalidate() {
        entry = null;
    }

    /**
     * Takes the discovery lock, giving up when {@code cancelled} turns true.
     *
     * @return false when cancelled first
     */
    boolean lock(BooleanSupplier cancelled) throws InterruptedException {
        while (!cancelled.getAsBoolean()) {
            if (discovering.tryLock(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    void unlock() {
        discovering.unlock();
    }
}
