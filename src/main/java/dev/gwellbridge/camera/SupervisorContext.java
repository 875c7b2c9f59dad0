package dev.gwellbridge.camera;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** What every camera worker shares: ports, clock, lane, queue, settings and published outputs. */
final class SupervisorContext {
    final InstantSource clock;
    final Scheduler scheduler;
    final CredentialSource credentials;
    final StreamConnector connector;
    final MediaPort media;
    final SupervisorSettings settings;
    final BackoffPolicy backoff;
    final HandshakeQueue queue;
    /** Saves a camera's stored record; called on the serial lane. */
    final Consumer<CameraWorker> persist;

    final Listeners listeners = new Listeners();
    /** The latest state of every camera, for readers on any thread. */
    final Map<CameraId, CameraState> states = new ConcurrentHashMap<>();
    /** The latest snapshot of every camera, for readers on any thread. */
    final Map<CameraId, byte[]> snapshots = new ConcurrentHashMap<>();

    SupervisorContext(
            InstantSource clock,
            Scheduler scheduler,
            CredentialSource credentials,
            StreamConnector connector,
            MediaPort media,
            SupervisorSettings settings,
            BackoffPolicy backoff,
            HandshakeQueue queue,
            Consumer<CameraWorker> persist) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.credentials = credentials;
        this.connector = connector;
        this.media = media;
        this.settings = settings;
        this.backoff = backoff;
        this.queue = queue;
        this.persist = persist;
    }
}
