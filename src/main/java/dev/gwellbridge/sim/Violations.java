package dev.gwellbridge.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of protocol violations a client committed against the simulated peers, in the order
 * they were seen. Written by the simulator's loop, read by tests from any thread.
 */
public final class Violations {
    private static final Logger LOG = LoggerFactory.getLogger(Violations.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Violation> entries = new ArrayList<>();

    /** Records one violation and logs it once at INFO. */
    public void record(ViolationKind kind, String peer, long atMillis, String detail) {
        Violation v = new Violation(kind, peer, atMillis, detail);
        lock.lock();
        try {
            entries.add(v);
        } finally {
            lock.unlock();
        }
        LOG.info("client violation at {}: {} ({})", peer, kind, detail);
    }

    /** A snapshot of every violation so far. */
    public List<Violation> all() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    /** A snapshot of the violations of one kind. */
    public List<Violation> of(ViolationKind kind) {
        return all().stream().filter(v -> v.kind() == kind).toList();
    }

    /** Whether no violation was recorded. */
    public boolean isEmpty() {
        return all().isEmpty();
    }

    @Override
    public String toString() {
        return "Violations" + all();
    }
}
