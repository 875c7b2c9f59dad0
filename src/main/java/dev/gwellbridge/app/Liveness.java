package dev.gwellbridge.app;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process loop the add-on watchdog asks about through {@code healthz}: a named thread ticks every
 * second; the process counts as alive while the last tick is recent. Cameras have no say in it, so a
 * dead camera never gets the add-on restarted.
 */
final class Liveness implements AutoCloseable {
    private static final Duration STALE_AFTER = Duration.ofSeconds(15);

    private final InstantSource clock;
    private final AtomicLong lastTick;
    private final ScheduledExecutorService ticker;
    private final java.util.concurrent.ScheduledFuture<?> ticks;

    Liveness(InstantSource clock) {
        this.clock = clock;
        this.lastTick = new AtomicLong(clock.millis());
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridge-loop");
            t.setDaemon(true);
            return t;
        });
        this.ticks = ticker.scheduleAtFixedRate(() -> lastTick.set(clock.millis()), 1, 1, TimeUnit.SECONDS);
    }

    boolean alive() {
        return clock.millis() - lastTick.get() < STALE_AFTER.toMillis() && !ticks.isDone();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
