package dev.gwellbridge.session;

import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * What discovery learned, shared by every camera of a connector (GWELL-PROTOCOL.md §11.9): a working
 * server, and per account (accessId) the device list the server sent. Discovery itself is
 * serialised: the first session that needs it runs it, the others wait and reuse the result.
 *
 * <p>Device lists are kept per account because each camera's credential may belong to a different
 * viewer identity; a list learned for one accessId is never handed to a session of another (its
 * device would be streamed under the wrong name, or the server would refuse the call).
 * Thread-safe.
 */
final class DiscoveryCache {

    /** A discovery result as one account sees it; {@code devices} is empty when not yet known. */
    record Entry(Ipv4Endpoint server, List<DeviceEntry> devices, long learnedAt) {
        Entry {
            devices = List.copyOf(devices);
        }
    }

    private record Server(Ipv4Endpoint address, long learnedAt) {}

    private final long validityMillis;
    private final ReentrantLock discovering = new ReentrantLock();
    private final Map<Long, List<DeviceEntry>> devices = new ConcurrentHashMap<>();
    private volatile Server server;

    DiscoveryCache(long validityMillis) {
        this.validityMillis = validityMillis;
    }

    /** The cached server, with this account's device list if known, if still valid at {@code now}. */
    Entry current(long accessId, long now) {
        Server s = server;
        if (s == null || now - s.learnedAt() >= validityMillis) {
            return null;
        }
        return new Entry(s.address(), devices.getOrDefault(accessId, List.of()), s.learnedAt());
    }

    /** The device list this account learned from {@code server}, or empty. */
    List<DeviceEntry> devicesFrom(long accessId, Ipv4Endpoint address) {
        Server s = server;
        return s != null && s.address().equals(address) ? devices.getOrDefault(accessId, List.of()) : List.of();
    }

    void store(long accessId, Ipv4Endpoint address, List<DeviceEntry> list, long now) {
        Server s = server;
        if (s == null || !s.address().equals(address)) {
            devices.clear();
        }
        server = new Server(address, now);
        if (!list.isEmpty()) {
            devices.put(accessId, List.copyOf(list));
        }
    }

    void invalidate() {
        server = null;
        devices.clear();
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
