package dev.gwellbridge.session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DriverClock} that jumps to the next deadline instead of waiting, ticking the fake world
 * of the calling session thread's port on the way. It only jumps when nothing is in flight towards
 * the driver, so a test runs the same way every time.
 */
final class VirtualClock implements DriverClock {
    private final FakeNetwork network;
    private volatile long now;

    VirtualClock(long start, FakeNetwork network) {
        this.now = start;
        this.network = network;
        network.clock = this;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public <T> T poll(BlockingQueue<T> queue, long deadline) throws InterruptedException {
        FakeNetwork.Port port = network.portOf(Thread.currentThread());
        while (true) {
            T t = queue.poll();
            if (t != null) {
                return t;
            }
            if (network.busy.get() > 0) {
                t = queue.poll(20, TimeUnit.MILLISECONDS);
                if (t != null) {
                    return t;
                }
                continue;
            }
            long world = port == null ? Long.MAX_VALUE : port.world.nextWakeup();
            long next = Math.min(deadline, world);
            if (next == Long.MAX_VALUE) {
                return queue.take();
            }
            if (next > now) {
                now = next;
            }
            if (port != null && now >= world) {
                port.tick(now);
                continue;
            }
            if (now >= deadline) {
                return null;
            }
        }
    }
}
