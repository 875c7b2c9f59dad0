package dev.gwellbridge.mqtt;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraControl;
import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraListener;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.MqttStatus;
import dev.gwellbridge.camera.StreamUrls;
import dev.gwellbridge.ha.BridgeStateMapper;
import dev.gwellbridge.ha.CameraClear;
import dev.gwellbridge.ha.CameraStateMapper;
import dev.gwellbridge.ha.CommandParser;
import dev.gwellbridge.ha.DiscoveryMapper;
import dev.gwellbridge.ha.EventMapper;
import dev.gwellbridge.ha.HaSettings;
import dev.gwellbridge.ha.Inbound;
import dev.gwellbridge.ha.RequestResponse;
import dev.gwellbridge.ha.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home Assistant MQTT bridge: keeps a broker connection (last will, jittered reconnect),
 * publishes camera and bridge state, discovery and events, answers HA's birth message, and turns
 * commands into {@link CameraControl} calls.
 *
 * <p>Threading: everything runs on one platform thread named {@code mqtt}. Camera listener
 * callbacks only enqueue (while a camera's state waits, a newer one replaces it), and the MQTT
 * client's callback thread only parses and enqueues, so neither a camera nor the client ever waits
 * for the broker.
 *
 * <p>On every (re)connect, in order: subscribe to command topics and {@code <prefix>/status};
 * publish {@code bridge/availability online}; every camera's retained state; discovery. A clean
 * {@link #close()} publishes {@code offline} and disconnects.
 */
public final class MqttBridge implements CameraListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);

    private final MqttSettings settings;
    private final CameraControl control;
    private final Supplier<BridgeStatus> bridgeStatus;
    private final Function<String, StreamUrls> urls;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final MqttScheduler scheduler;
    private final MqttTimings timings;
    private final Topics topics;
    private final CommandParser parser;
    private final Outbox outbox;
    private final PublishedDevices devices;
    private final BrokerConnection connection;
    private final ConcurrentHashMap<CameraId, CameraState> pendingStates = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    // Confined to the mqtt thread.
    private StatePublisher publisher;
    private CommandHandler commands;
    private boolean closed;
    private MqttScheduler.Cancellable birthTask;
    private MqttScheduler.Cancellable statsTask;
    private MqttScheduler.Cancellable bridgeStateTask;

    /**
     * A bridge on Paho with the default timings.
     *
     * @param bridgeStatus the bridge's status for {@code bridge/state} and {@code health_check}
     * @param urls the LAN stream URLs of a camera slug (no credentials)
     * @param dataDir where the published-devices file is kept
     * @param threads makes the {@code mqtt} platform thread
     */
    public MqttBridge(
            MqttSettings settings,
            CameraControl control,
            Supplier<BridgeStatus> bridgeStatus,
            Function<String, StreamUrls> urls,
            Path dataDir,
            InstantSource clock,
            RandomGenerator random,
            ThreadFactory threads) {
        this(settings, control, bridgeStatus, urls, dataDir, clock, random, threads, MqttTimings.DEFAULT);
    }

    /** A bridge on Paho with other timings (tests shorten the delays). */
    public MqttBridge(
            MqttSettings settings,
            CameraControl control,
            Supplier<BridgeStatus> bridgeStatus,
            Function<String, StreamUrls> urls,
            Path dataDir,
            InstantSource clock,
            RandomGenerator random,
            ThreadFactory threads,
            MqttTimings timings) {
        this(
                settings,
                control,
                bridgeStatus,
                urls,
                dataDir,
                clock,
                random,
                new ExecutorMqttScheduler(threads),
                timings,
                new PahoMqttPort());
    }

    /** A bridge on any MQTT port and scheduler (unit tests use fakes of both). */
    public MqttBridge(
            MqttSettings settings,
            CameraControl control,
            Supplier<BridgeStatus> bridgeStatus,
            Function<String, StreamUrls> urls,
            Path dataDir,
            InstantSource clock,
            RandomGenerator random,
            MqttScheduler scheduler,
            MqttTimings timings,
            MqttPort port) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.control = Objects.requireNonNull(control, "control");
        this.bridgeStatus = Objects.requireNonNull(bridgeStatus, "bridgeStatus");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timings = Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(port, "port");
        this.topics = new Topics(settings.baseTopic(), settings.discoveryPrefix());
        this.parser = new CommandParser(topics);
        this.outbox = new Outbox(port);
        this.devices = new PublishedDevices(dataDir, clock);
        this.connection = new BrokerConnection(
                settings,
                port,
                outbox,
                scheduler,
                new ReconnectBackoff(timings.reconnectMin(), timings.reconnectMax(), random),
                new ConnectSpec(
                        settings.host(),
                        settings.port(),
                        settings.clientId(),
                        settings.username(),
                        settings.password(),
                        topics.bridgeAvailability(),
                        "offline",
                        timings.keepAlive(),
                        timings.operationTimeout()),
                topics.subscriptions());
    }

    /** Registers with the cameras and connects in the background; call once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        LOG.info(
                "MQTT: broker {}, base topic {}, discovery prefix {}, client id {}",
                settings.broker(),
                settings.baseTopic(),
                settings.discoveryPrefix(),
                settings.clientId());
        scheduler.execute(this::init);
        control.addListener(this);
        scheduler.execute(connection::connect);
    }

    /** The connection as the page and {@code api/health} show it; thread-safe. */
    public MqttStatus status() {
        return connection.status();
    }

    /** The topic scheme in use. */
    public Topics topics() {
        return topics;
    }

    /** Republishes availability, states and discovery (the page's "Announce to HA"). */
    public void announce() {
        scheduler.execute(() -> {
            if (publisher != null) {
                publisher.publishAll();
            }
        });
    }

    /**
     * Publishes {@code offline}, disconnects and stops the thread; the future completes when done.
     * Idempotent.
     */
    public CompletableFuture<Void> stop() {
        if (stopping.compareAndSet(false, true)) {
            control.removeListener(this);
            scheduler.execute(() -> {
                try {
                    shutdownOnThread();
                } finally {
                    stopped.complete(null);
                }
            });
        }
        return stopped;
    }

    /** {@link #stop()} and wait for it (bounded), then end the thread. */
    @Override
    public void close() {
        try {
            stop().get(timings.operationTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("MQTT shutdown did not finish cleanly: {}", e.toString());
        }
        scheduler.shutdown();
    }

    // CameraListener: called on supervisor threads; only enqueue.

    @Override
    public void onState(CameraState state) {
        if (pendingStates.put(state.id(), state) == null) {
            scheduler.execute(() -> drainState(state.id()));
        }
    }

    @Override
    public void onEvent(CameraId id, CameraEvent event) {
        scheduler.execute(() -> {
            if (publisher != null) {
                publisher.onEvent(id, event);
            }
        });
    }

    @Override
    public void onSnapshot(CameraId id, byte[] jpeg) {
        byte[] copy = jpeg.clone();
        scheduler.execute(() -> {
            if (publisher != null) {
                publisher.onSnapshot(id, copy);
            }
        });
    }

    @Override
    public void onRemoved(CameraId id, String slug) {
        scheduler.execute(() -> {
            if (publisher != null) {
                pendingStates.remove(id);
                commands.forget(id);
                publisher.onRemoved(id, slug);
            }
        });
    }

    // Everything below runs on the mqtt thread.

    private void init() {
        devices.load();
        HaSettings ha =
                new HaSettings(topics, bridgeStatus.get().version(), HaSettings.SUPPORT_URL, settings.ingressSlug());
        publisher = new StatePublisher(
                outbox,
                control,
                bridgeStatus,
                clock,
                devices,
                new DiscoveryMapper(ha),
                new CameraStateMapper(topics, urls),
                new EventMapper(topics),
                new BridgeStateMapper(topics),
                new CameraClear(topics));
        commands = new CommandHandler(
                control,
                publisher,
                outbox,
                new RequestResponse(topics),
                scheduler,
                clock,
                new CommandGate(timings.coalesceWindow(), timings.startLimit()),
                bridgeStatus,
                publisher::publishAll);
        connection.handlers(
                (topic, payload, retained) -> {
                    Inbound message = parser.parse(topic, payload);
                    scheduler.execute(() -> dispatch(message, retained));
                },
                publisher::publishAll);
        statsTask = scheduler.schedule(this::statsTick, timings.statsInterval());
        bridgeStateTask = scheduler.schedule(this::bridgeStateTick, timings.bridgeStateInterval());
    }

    private void drainState(CameraId id) {
        CameraState s = pendingStates.remove(id);
        if (s != null && publisher != null) {
            publisher.onState(s);
        }
    }

    private void dispatch(Inbound message, boolean retained) {
        if (closed) {
            return;
        }
        if (message instanceof Inbound.HaStatus s) {
            haStatus(s, retained);
        } else if (message instanceof Inbound.Ignored i) {
            LOG.debug("Ignored message on {}: {}", i.topic(), i.why());
        } else {
            commands.handle(message, retained);
        }
    }

    /** HA's birth: republish after a random 2-10 s, so restarting HA is not hit by every bridge at once. */
    private void haStatus(Inbound.HaStatus s, boolean retained) {
        if (!s.online()) {
            LOG.info("Home Assistant reported offline");
            return;
        }
        if (retained) {
            // A retained birth arrives on every connect, right after the connect republish.
            LOG.debug("Ignored retained Home Assistant birth message");
            return;
        }
        long min = timings.birthDelayMin().toMillis();
        long max = timings.birthDelayMax().toMillis();
        Duration delay = Duration.ofMillis(max > min ? random.nextLong(min, max + 1) : min);
        LOG.info("Home Assistant is online; republishing discovery and states in {} ms", delay.toMillis());
        cancel(birthTask);
        birthTask = scheduler.schedule(
                () -> {
                    birthTask = null;
                    publisher.publishAll();
                },
                delay);
    }

    private void statsTick() {
        if (closed) {
            return;
        }
        publisher.publishStreamingStats();
        statsTask = scheduler.schedule(this::statsTick, timings.statsInterval());
    }

    private void bridgeStateTick() {
        if (closed) {
            return;
        }
        publisher.publishBridgeState(true);
        publisher.cleanupStale();
        bridgeStateTask = scheduler.schedule(this::bridgeStateTick, timings.bridgeStateInterval());
    }

    private void shutdownOnThread() {
        closed = true;
        cancel(birthTask);
        cancel(statsTask);
        cancel(bridgeStateTask);
        connection.close(() -> publisher.publishOffline());
    }

    private static void cancel(MqttScheduler.Cancellable task) {
        if (task != null) {
            task.cancel();
        }
    }
}
