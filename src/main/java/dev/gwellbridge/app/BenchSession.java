package dev.gwellbridge.app;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.StreamConnection;
import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.camera.StreamHandler;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.config.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One camera in the session benchmark: opens its session, notes the time to the first H.264 byte
 * (from the first attempt), counts bytes, checks the pictures ({@link VideoCheck}) and, like the
 * supervisor would, opens a new session a moment after one fails. A new session starts the stream
 * from the first picture again.
 */
final class BenchSession {
    /** Pause before a failed session is opened again (the supervisor waits longer; see BENCHMARKS.md). */
    static final long RESTART_DELAY_MS = 1000;

    private final StreamConnector connector;
    private final StreamRequest request;
    private final VideoCheck check;
    private final Restarts restarts;
    private final LongSupplier nanoClock;
    private final List<StreamConnection> connections = new ArrayList<>();
    private final List<CountDownLatch> endings = new ArrayList<>();
    private long openedAt;
    private long firstByteNanos = -1;
    private long bytes;
    private int failures;
    private String lastFailure;
    private boolean stopped;
    private Future<?> pendingRestart = CompletableFuture.completedFuture(null);

    /** Runs a task after a delay (a scheduled executor; tests run it when they choose). */
    @FunctionalInterface
    interface Restarts {
        Future<?> schedule(Runnable task, long delayMillis);

        static Restarts on(ScheduledExecutorService executor) {
            return (task, delay) -> executor.schedule(task, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** What one camera achieved. */
    record Result(
            String deviceId,
            long bytes,
            long firstByteMillis,
            long intact,
            long lost,
            long retransmits,
            int failures,
            String lastFailure) {}

    BenchSession(
            StreamConnector connector,
            StreamRequest request,
            VideoCheck check,
            Restarts restarts,
            LongSupplier nanoClock) {
        this.connector = connector;
        this.request = request;
        this.check = check;
        this.restarts = restarts;
        this.nanoClock = nanoClock;
    }

    /** Opens the first session. */
    synchronized void start() {
        openedAt = nanoClock.getAsLong();
        open();
    }

    private synchronized void open() {
        if (stopped) {
            return;
        }
        check.restart();
        CountDownLatch ended = new CountDownLatch(1);
        endings.add(ended);
        connections.add(connector.open(request, new Attempt(ended)));
    }

    /** The figures so far. */
    synchronized Result result() {
        long retransmits = 0;
        for (StreamConnection c : connections) {
            retransmits += c.stats().retransmits();
        }
        long firstMs = firstByteNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(firstByteNanos);
        return new Result(
                request.camera().id().deviceId(),
                bytes,
                firstMs,
                check.intact(),
                check.lost(),
                retransmits,
                failures,
                lastFailure);
    }

    /** Closes the session and waits up to {@code seconds} for it to end; no restarts after this. */
    void stop(long seconds) throws InterruptedException {
        List<CountDownLatch> waits;
        List<StreamConnection> open;
        synchronized (this) {
            stopped = true;
            pendingRestart.cancel(false);
            open = List.copyOf(connections);
            waits = List.copyOf(endings);
        }
        // Outside the lock: a session thread may be delivering video into it meanwhile.
        for (StreamConnection c : open) {
            c.close();
        }
        for (CountDownLatch l : waits) {
            l.await(seconds, TimeUnit.SECONDS);
        }
    }

    private synchronized void video(byte[] data, int offset, int length) {
        if (firstByteNanos < 0) {
            firstByteNanos = nanoClock.getAsLong() - openedAt;
        }
        bytes += length;
        check.feed(data, offset, length);
    }

    private synchronized void ended(FailureReason reason, String detail) {
        if (reason == null || stopped) {
            return;
        }
        failures++;
        lastFailure = reason.code() + " (" + Secrets.redact(String.valueOf(detail)) + ")";
        pendingRestart = restarts.schedule(this::open, RESTART_DELAY_MS);
    }

    /** The handler of one session attempt. */
    private final class Attempt implements StreamHandler {
        private final CountDownLatch ended;

        Attempt(CountDownLatch ended) {
            this.ended = ended;
        }

        @Override
        public void onStreaming(Transport transport) {}

        @Override
        public void onVideo(byte[] data, int offset, int length) {
            video(data, offset, length);
        }

        @Override
        public void onEnded(FailureReason reason, String detail) {
            ended(reason, detail);
            ended.countDown();
        }
    }
}
