package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera supervisor: keeps one session per camera as the user wants it (stream switch, mode,
 * quality), one handshake at a time across cameras, with backoff, deadman, idle timeout, periodic
 * snapshots and the commands of HA-INTEGRATION §5.5, and tells listeners about every change.
 *
 * <p>Threads: all state lives on the {@link Scheduler}'s serial lane. Public methods only enqueue
 * work there (or read published snapshots) and never block on a camera; session threads only
 * update atomics or enqueue. A task that throws is logged with the camera id and that camera
 * restarts through its backoff.
 */
public final class CameraSupervisor implements CameraControl, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSupervisor.class);
    /** How often deadman, idle timeouts, snapshots and live figures are checked. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private final SupervisorContext ctx;
    private final CameraRoster roster;
    private boolean started;
    private volatile boolean closed;
    private Scheduler.Task checks;

    /**
     * @param credentials the camera list and P2P credentials (may block; called off the lane)
     * @param connector opens protocol sessions
     * @param media opens media outputs once a session streams
     * @param store persisted slugs, stream switches, qualities and pinned IPs
     * @param settings global defaults and per-camera overrides
     * @param clock the time source (virtual in tests)
     * @param scheduler the serial lane and the blocking pool
     * @param random jitter for backoff delays (seeded in tests)
     */
    public CameraSupervisor(
            CredentialSource credentials,
            StreamConnector connector,
            MediaPort media,
            CameraStore store,
            SupervisorSettings settings,
            InstantSource clock,
            Scheduler scheduler,
            RandomGenerator random) {
        HandshakeQueue queue = new HandshakeQueue(clock, scheduler, settings.handshakeStagger(), this::turn);
        this.ctx = new SupervisorContext(
                clock,
                scheduler,
                credentials,
                connector,
                media,
                settings,
                new BackoffPolicy(random),
                queue,
                w -> roster().persist(w));
        this.roster = new CameraRoster(ctx, store, () -> closed);
    }

    /** Loads the store, lists the account's cameras and starts those that should stream. */
    public void start() {
        onLane("start", () -> {
            if (started || closed) {
                return;
            }
            started = true;
            roster.load();
            scheduleChecks();
        });
    }

    /** Closes every session and media output; the returned future completes when done. */
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        closed = true;
        ctx.scheduler.execute(() -> {
            try {
                if (checks != null) {
                    checks.cancel();
                }
                List<CameraWorker> all = roster.sorted();
                for (CameraWorker w : all) {
                    w.snapshots.refuseWaiting("shutting_down", "The bridge is shutting down.");
                    w.shutdown();
                }
                LOG.info("Closed the sessions of {} cameras", all.size());
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /** {@link #shutdown()} and wait up to 10 s. Must not be called on the scheduler's lane. */
    @Override
    public void close() {
        try {
            shutdown().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Camera sessions did not close within 10 s: {}", e.toString());
        }
    }

    @Override
    public List<CameraState> cameras() {
        List<CameraState> all = new ArrayList<>(ctx.states.values());
        all.sort(Comparator.comparing(CameraState::slug));
        return List.copyOf(all);
    }

    @Override
    public Optional<CameraState> find(String idMacOrSlug) {
        String key = idMacOrSlug == null ? "" : idMacOrSlug.trim();
        return ctx.states.values().stream()
                .filter(s -> s.id().deviceId().equalsIgnoreCase(key)
                        || s.id().mac().equalsIgnoreCase(key)
                        || s.slug().equalsIgnoreCase(key))
                .findFirst();
    }

    @Override
    public CompletableFuture<CommandResult> command(CameraId id, CameraCommand command) {
        CompletableFuture<CommandResult> f = new CompletableFuture<>();
        if (closed) {
            f.complete(shuttingDown());
            return f;
        }
        onLane("command", () -> {
            CameraWorker w = roster.find(id);
            if (w == null) {
                f.complete(CommandResult.refused("unknown_camera", "No camera " + id + " in the account."));
                return;
            }
            try {
                CameraCommands.run(w, command, f);
            } catch (RuntimeException e) {
                w.crash(e);
                w.answer(f, command, CommandResult.refused("internal", "The command failed; see the log."));
            }
        });
        return f;
    }

    @Override
    public Optional<byte[]> latestSnapshot(CameraId id) {
        return Optional.ofNullable(ctx.snapshots.get(id)).map(byte[]::clone);
    }

    @Override
    public CompletableFuture<CommandResult> refreshCameras() {
        CompletableFuture<CommandResult> f = new CompletableFuture<>();
        ctx.scheduler.offload(() -> {
            try {
                List<CameraInfo> list = ctx.credentials.cameras(true);
                onLane("refresh", () -> {
                    if (!roster.loaded() || closed) {
                        f.complete(CommandResult.refused("not_running", "The camera supervisor is not running."));
                        return;
                    }
                    roster.apply(list);
                    f.complete(CommandResult.accepted("The account has " + list.size() + " GWell cameras."));
                });
            } catch (CredentialException e) {
                f.complete(CommandResult.refused(e.code(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("Refreshing the camera list failed", e);
                f.complete(CommandResult.refused("internal", "Refreshing the camera list failed; see the log."));
            }
        });
        return f;
    }

    @Override
    public CompletableFuture<CommandResult> startAll() {
        return forAll(w -> w.overrides.enabled(), new CameraCommand.Start(), "Switched on %d cameras.");
    }

    @Override
    public CompletableFuture<CommandResult> stopAll() {
        return forAll(w -> true, new CameraCommand.Stop(), "Switched off %d cameras.");
    }

    @Override
    public CompletableFuture<CommandResult> restartAll() {
        CompletableFuture<CommandResult> f = new CompletableFuture<>();
        onLane("restart all", () -> {
            int n = 0;
            for (CameraWorker w : roster.sorted()) {
                if (w.attempt != null) {
                    w.guarded(() -> w.restart("restart")).run();
                    n++;
                }
            }
            f.complete(CommandResult.accepted("Restarting " + n + " sessions through the handshake queue."));
        });
        return f;
    }

    @Override
    public void viewerActive(CameraId id) {
        onLane("viewer", () -> {
            CameraWorker w = roster.find(id);
            if (w != null && w.overrides.enabled() && w.stored.streamOn()) {
                w.guarded(() -> {
                            w.lastDemand = w.now();
                            w.reconcile("viewer");
                        })
                        .run();
            }
        });
    }

    @Override
    public int handshakeQueueDepth() {
        return ctx.queue.depth();
    }

    @Override
    public void addListener(CameraListener listener) {
        onLane("listener", () -> {
            ctx.listeners.add(listener);
            for (CameraWorker w : roster.sorted()) {
                Listeners.call(listener, w.id, "state", l -> l.onState(w.view.current()));
            }
        });
    }

    @Override
    public void removeListener(CameraListener listener) {
        ctx.listeners.remove(listener);
    }

    private CameraRoster roster() {
        return roster;
    }

    private CompletableFuture<CommandResult> forAll(Predicate<CameraWorker> which, CameraCommand c, String message) {
        CompletableFuture<CommandResult> f = new CompletableFuture<>();
        if (closed) {
            f.complete(shuttingDown());
            return f;
        }
        onLane(c.name() + " all", () -> {
            int n = 0;
            for (CameraWorker w : roster.sorted()) {
                if (which.test(w)) {
                    CompletableFuture<CommandResult> one = new CompletableFuture<>();
                    w.guarded(() -> CameraCommands.run(w, c, one)).run();
                    n += one.isDone() && one.join().ok() ? 1 : 0;
                }
            }
            f.complete(CommandResult.accepted(String.format(Locale.ROOT, message, n)));
        });
        return f;
    }

    private void turn(CameraId id) {
        CameraWorker w = roster.find(id);
        if (w == null || !w.id.equals(id)) {
            ctx.queue.release(id);
            return;
        }
        w.guarded(() -> SessionSetup.begin(w)).run();
    }

    /** The periodic check; one camera's failure never stops the others' checks. */
    private void scheduleChecks() {
        checks = ctx.scheduler.schedule(CHECK_EVERY, () -> {
            try {
                for (CameraWorker w : roster.sorted()) {
                    try {
                        w.tick();
                    } catch (RuntimeException e) {
                        w.crash(e);
                    }
                }
            } finally {
                if (!closed) {
                    scheduleChecks();
                }
            }
        });
    }

    private void onLane(String what, Runnable task) {
        ctx.scheduler.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Camera supervisor: {} failed", what, e);
            }
        });
    }

    private static CommandResult shuttingDown() {
        return CommandResult.refused("shutting_down", "The bridge is shutting down.");
    }
}
