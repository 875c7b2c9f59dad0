package dev.gwellbridge.mqtt;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraControl;
import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.ha.BridgeStateMapper;
import dev.gwellbridge.ha.CameraClear;
import dev.gwellbridge.ha.CameraStateMapper;
import dev.gwellbridge.ha.DiscoveryMapper;
import dev.gwellbridge.ha.EventMapper;
import dev.gwellbridge.ha.HaIds;
import dev.gwellbridge.ha.JpegShrinker;
import dev.gwellbridge.ha.Publication;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the broker's retained view in step with the cameras: state on change, stats on shape
 * change and on the periodic tick, events (with {@code went_offline}/{@code came_online} sent once
 * per transition), snapshots, discovery, {@code bridge/state}, and the clearing of cameras that
 * left.
 *
 * <p>Confined to the bridge's {@code mqtt} thread.
 */
final class StatePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(StatePublisher.class);

    private final Outbox outbox;
    private final CameraControl control;
    private final Supplier<BridgeStatus> status;
    private final InstantSource clock;
    private final PublishedDevices devices;
    private final DiscoveryMapper discovery;
    private final CameraStateMapper states;
    private final EventMapper events;
    private final BridgeStateMapper bridge;
    private final CameraClear clear;

    private final Map<CameraId, CameraState> cameras = new TreeMap<>();
    /** Availability as last announced by an event; absent until the first state of a camera. */
    private final Map<CameraId, Boolean> announced = new HashMap<>();
    /** Cameras removed while disconnected: object id to slug, cleared on the next connection. */
    private final Map<String, String> pendingClears = new LinkedHashMap<>();

    private BridgeStatus lastBridge;
    private String lastAuth;
    private boolean staleChecked;

    StatePublisher(
            Outbox outbox,
            CameraControl control,
            Supplier<BridgeStatus> status,
            InstantSource clock,
            PublishedDevices devices,
            DiscoveryMapper discovery,
            CameraStateMapper states,
            EventMapper events,
            BridgeStateMapper bridge,
            CameraClear clear) {
        this.outbox = outbox;
        this.control = control;
        this.status = status;
        this.clock = clock;
        this.devices = devices;
        this.discovery = discovery;
        this.states = states;
        this.events = events;
        this.bridge = bridge;
        this.clear = clear;
    }

    /** A camera's new snapshot of state. */
    void onState(CameraState s) {
        CameraId id = s.id();
        CameraState prev = cameras.put(id, s);
        String objectId = HaIds.device(id);
        if (prev == null && !devices.all().containsKey(objectId)) {
            bridgeEvent("camera_added", Map.of("camera", s.slug(), "mac", id.mac()));
        }
        trackAvailability(s);
        if (prev != null && !prev.slug().equals(s.slug())) {
            LOG.info("Camera {} moved from topic {} to {}", id, prev.slug(), s.slug());
            clear.stateTopics(prev.slug()).forEach(p -> {
                outbox.send(p);
                outbox.forget(p.topic());
            });
        }
        publishStates(s, prev == null || statsShapeChanged(prev, s));
        publishDiscovery(s);
        publishBridgeState(false);
        cleanupStale();
    }

    /** An event of a camera; availability events are passed on once per transition. */
    void onEvent(CameraId id, CameraEvent e) {
        if (e instanceof CameraEvent.WentOffline || e instanceof CameraEvent.CameOnline) {
            boolean online = e instanceof CameraEvent.CameOnline;
            if (Objects.equals(announced.get(id), online)) {
                LOG.debug("Camera {}: {} already announced", id, e.type());
                return;
            }
            announced.put(id, online);
        }
        Optional<String> slug = slugOf(id);
        if (slug.isEmpty()) {
            LOG.debug("Dropping {} of unknown camera {}", e.type(), id);
            return;
        }
        outbox.send(events.event(slug.get(), e));
    }

    /** A failed command, as a {@code command_failed} event of the camera. */
    void commandFailed(CameraId id, String command, String reason) {
        LOG.info("Command {} for camera {} failed: {}", command, id, reason);
        onEvent(id, new CameraEvent.CommandFailed(clock.instant(), command, reason));
    }

    /** A new JPEG: published retained, scaled down first when above the cap. */
    void onSnapshot(CameraId id, byte[] jpeg) {
        Optional<String> slug = slugOf(id);
        if (slug.isEmpty() || !outbox.connected()) {
            return;
        }
        Optional<byte[]> fitted = JpegShrinker.fit(jpeg, CameraStateMapper.SNAPSHOT_CAP_BYTES);
        Optional<Publication> p = fitted.flatMap(b -> states.snapshot(slug.get(), b));
        if (p.isEmpty()) {
            LOG.warn("Snapshot of camera {} ({} bytes) could not be brought under the size cap", id, jpeg.length);
            return;
        }
        outbox.send(p.get());
    }

    /** A camera left: its device and retained topics are cleared (on the next connection if need be). */
    void onRemoved(CameraId id, String slug) {
        cameras.remove(id);
        announced.remove(id);
        String objectId = HaIds.device(id);
        pendingClears.put(objectId, slug);
        clearPending();
        bridgeEvent("camera_removed", Map.of("camera", slug, "mac", id.mac()));
        publishBridgeState(false);
    }

    /** Everything retained, in the connect order: availability, states, discovery, bridge state. */
    void publishAll() {
        outbox.reset();
        outbox.send(bridge.availability(true));
        for (CameraState s : control.cameras()) {
            cameras.putIfAbsent(s.id(), s);
        }
        for (CameraState s : cameras.values()) {
            publishStates(s, true);
            control.latestSnapshot(s.id()).ifPresent(jpeg -> onSnapshot(s.id(), jpeg));
        }
        for (CameraState s : cameras.values()) {
            publishDiscovery(s);
        }
        outbox.sendChanged(discovery.bridge());
        publishBridgeState(true);
        clearPending();
        cleanupStale();
    }

    /**
     * The periodic stats of streaming cameras, with the live figures read from the cameras now: the
     * supervisor refreshes bitrate and frame rate every few seconds but tells listeners about a
     * change of figures alone only rarely, so the last notified state would repeat stale numbers
     * (zero for the first half minute of a stream).
     */
    void publishStreamingStats() {
        for (CameraState s : cameras.values()) {
            if (s.status() == CameraStatus.STREAMING) {
                CameraState live = control.find(s.id().deviceId())
                        .filter(c ->
                                c.status() == CameraStatus.STREAMING && c.slug().equals(s.slug()))
                        .orElse(s);
                outbox.send(states.stats(live));
            }
        }
    }

    /** {@code bridge/state} when it changed (ignoring uptime), or always when forced. */
    void publishBridgeState(boolean force) {
        BridgeStatus st = status.get();
        announceCloud(st);
        if (!outbox.connected()) {
            return;
        }
        if (force || lastBridge == null || !BridgeStateMapper.sameState(lastBridge, st)) {
            if (outbox.send(bridge.state(st, clock.instant()))) {
                lastBridge = st;
            }
        }
    }

    /** The offline announcement of a clean shutdown. */
    void publishOffline() {
        outbox.send(bridge.availability(false));
    }

    /** An event on {@code <base>/bridge/event}. */
    void bridgeEvent(String type, Map<String, Object> extra) {
        outbox.send(events.bridgeEvent(type, clock.instant(), extra));
    }

    Optional<String> slugOf(CameraId id) {
        CameraState s = cameras.get(id);
        if (s != null) {
            return Optional.of(s.slug());
        }
        return control.find(id.deviceId()).map(CameraState::slug);
    }

    /**
     * Clears devices published earlier but no longer backed by a camera, once per process. Waits
     * until the camera list is known (cameras present and the account logged in): clearing against
     * a list that is still loading would delete every device, and with it the user's entity
     * settings, at each start.
     */
    void cleanupStale() {
        if (staleChecked || !outbox.connected() || cameras.isEmpty()) {
            return;
        }
        BridgeStatus st = status.get();
        if (st.cloud() == null || !"ok".equals(st.cloud().auth())) {
            return;
        }
        Set<String> live = new HashSet<>();
        cameras.keySet().forEach(id -> live.add(HaIds.device(id)));
        for (Map.Entry<String, String> e : new TreeMap<>(devices.all()).entrySet()) {
            if (!live.contains(e.getKey())) {
                LOG.info("Clearing stale device {} (topic {})", e.getKey(), e.getValue());
                pendingClears.put(e.getKey(), e.getValue());
            }
        }
        clearPending();
        staleChecked = true;
    }

    private void clearPending() {
        if (!outbox.connected()) {
            return;
        }
        for (var it = pendingClears.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            boolean ok = true;
            for (Publication p : clear.device(e.getKey(), e.getValue())) {
                ok &= outbox.send(p);
                outbox.forget(p.topic());
            }
            if (!ok) {
                return;
            }
            devices.remove(e.getKey());
            it.remove();
        }
    }

    private void publishStates(CameraState s, boolean withStats) {
        outbox.sendChanged(states.availability(s));
        outbox.sendChanged(states.status(s));
        outbox.sendChanged(states.streamState(s));
        outbox.sendChanged(states.quality(s));
        outbox.sendChanged(states.info(s));
        if (withStats) {
            outbox.send(states.stats(s));
        }
    }

    private void publishDiscovery(CameraState s) {
        if (outbox.sendChanged(discovery.camera(s)) && outbox.connected()) {
            devices.put(HaIds.device(s.id()), s.slug());
        }
    }

    /** Turns an availability change seen in state into one went_offline / came_online event. */
    private void trackAvailability(CameraState s) {
        Boolean was = announced.get(s.id());
        if (was == null) {
            // First sight: the camera did not "go" anywhere.
            announced.put(s.id(), s.available());
        } else if (was != s.available()) {
            onEvent(
                    s.id(),
                    s.available()
                            ? new CameraEvent.CameOnline(s.updatedAt())
                            : new CameraEvent.WentOffline(s.updatedAt(), s.reason()));
        }
    }

    private void announceCloud(BridgeStatus st) {
        String auth = st.cloud() == null ? "not_configured" : st.cloud().auth();
        if (lastAuth != null && !auth.equals(lastAuth)) {
            if ("rate_limited".equals(auth)) {
                bridgeEvent("rate_limited", Map.of("auth", auth));
            } else if (!"ok".equals(auth) && !"pending".equals(auth) && !"not_configured".equals(auth)) {
                bridgeEvent("auth_failed", Map.of("auth", auth));
            }
        }
        lastAuth = auth;
    }

    private static boolean statsShapeChanged(CameraState prev, CameraState s) {
        return prev.status() != s.status()
                || !Objects.equals(prev.stats().streamSince(), s.stats().streamSince())
                || prev.stats().reconnects() != s.stats().reconnects();
    }
}
