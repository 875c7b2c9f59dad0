package dev.gwellbridge.session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The driver's time: the clock the machine runs on and the wait for its next input. Production
 * uses {@link #system()}; tests substitute a virtual clock that jumps to the deadline instead of
 * waiting.
 */
public interface DriverClock {

    /** Milliseconds, wall-clock based (they end up in CertifyReq, meter requests, KCP timestamps). */
    long now();

    /** The next input, or {@code null} once {@code deadline} (in {@link #now()} terms) has passed. */
    <T> T poll(BlockingQueue<T> queue, long deadline) throws InterruptedException;

    /**
     * Wall-clock milliseconds that never jump: the Unix time at creation plus elapsed monotonic
     * time, so a clock adjustment cannot fire or starve the session's timers.
     */
    static DriverClock system() {
        long epoch = System.currentTimeMillis();
        long base = System.nanoTime();
        return new DriverClock() {
            @Override
            public long now() {
                return epoch + (System.nanoTime() - base) / 1_000_000;
            }

            @Override
            public <T> T poll(BlockingQueue<T> queue, long deadline) throws InterruptedException {
                long wait = deadline - now();
                return wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.MILLISECONDS);
            }
        };
    }
}
