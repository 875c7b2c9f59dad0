package dev.gwellbridge.camera;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Test doubles for the supervisor's ports. */
final class Fakes {
    private Fakes() {}

    static CameraInfo camera(String mac, String name) {
        return new CameraInfo(CameraId.of("GW_GC1_" + mac), name, "GW_GC1", "1.0", "", true);
    }

    /** The account: a camera list and credentials, with programmable failures. */
    static final class Credentials implements CredentialSource {
        record Call(CameraId id, boolean fresh, Instant at) {}

        private final InstantSource clock;
        final List<CameraInfo> cameras = new CopyOnWriteArrayList<>();
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final Deque<CredentialException> credentialFailures = new ArrayDeque<>();
        volatile CredentialException listFailure;
        final AtomicInteger listCalls = new AtomicInteger();

        Credentials(InstantSource clock, CameraInfo... initial) {
            this.clock = clock;
            cameras.addAll(List.of(initial));
        }

        @Override
        public List<CameraInfo> cameras(boolean forceRefresh) throws CredentialException {
            listCalls.incrementAndGet();
            CredentialException e = listFailure;
            if (e != null) {
                throw e;
            }
            return List.copyOf(cameras);
        }

        @Override
        public P2pCredential credential(CameraId id, boolean forceFresh) throws CredentialException {
            calls.add(new Call(id, forceFresh, clock.instant()));
            CredentialException e;
            synchronized (credentialFailures) {
                e = credentialFailures.poll();
            }
            if (e != null) {
                throw e;
            }
            return new P2pCredential(
                    "123", "token-" + calls.size(), clock.instant().plusSeconds(3600));
        }
    }

    /** A connector that records every session and lets the test play the session thread. */
    static final class Connector implements StreamConnector {
        static final class Session implements StreamConnection {
            final StreamRequest request;
            final StreamHandler handler;
            final Instant openedAt;
            volatile boolean closed;

            Session(StreamRequest request, StreamHandler handler, Instant openedAt) {
                this.request = request;
                this.handler = handler;
                this.openedAt = openedAt;
            }

            @Override
            public ConnectionStats stats() {
                return ConnectionStats.NONE;
            }

            @Override
            public void close() {
                closed = true;
            }
        }

        private final InstantSource clock;
        final List<Session> sessions = new CopyOnWriteArrayList<>();
        final AtomicInteger invalidations = new AtomicInteger();

        Connector(InstantSource clock) {
            this.clock = clock;
        }

        @Override
        public StreamConnection open(StreamRequest request, StreamHandler handler) {
            Session s = new Session(request, handler, clock.instant());
            sessions.add(s);
            return s;
        }

        @Override
        public void invalidateDiscovery() {
            invalidations.incrementAndGet();
        }

        List<Session> of(CameraId id) {
            return sessions.stream()
                    .filter(s -> s.request.camera().id().equals(id))
                    .toList();
        }

        Session last(CameraId id) {
            List<Session> all = of(id);
            if (all.isEmpty()) {
                throw new AssertionError("no session opened for " + id);
            }
            return all.get(all.size() - 1);
        }
    }

    /** Media outputs that count what they get and answer snapshots as told. */
    static final class Media implements MediaPort {
        static final class Output implements MediaSession {
            final CameraInfo camera;
            final String slug;
            final AtomicLong bytes = new AtomicLong();
            final AtomicInteger offers = new AtomicInteger();
            final ByteArrayOutputStream received = new ByteArrayOutputStream();
            volatile boolean closed;
            volatile CompletableFuture<byte[]> nextSnapshot;

            Output(CameraInfo camera, String slug) {
                this.camera = camera;
                this.slug = slug;
            }

            @Override
            public void offer(byte[] data, int offset, int length) {
                offers.incrementAndGet();
                bytes.addAndGet(length);
                synchronized (received) {
                    received.write(data, offset, length);
                }
            }

            byte[] received() {
                synchronized (received) {
                    return received.toByteArray();
                }
            }

            @Override
            public CompletableFuture<byte[]> snapshot() {
                CompletableFuture<byte[]> f = nextSnapshot;
                return f != null ? f : CompletableFuture.completedFuture(new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
            }

            @Override
            public MediaStats stats() {
                return new MediaStats(!closed, 0, 20, 1000, 0);
            }

            @Override
            public void close() {
                closed = true;
            }
        }

        final List<Output> outputs = new CopyOnWriteArrayList<>();
        volatile RuntimeException openFailure;

        @Override
        public MediaSession open(CameraInfo camera, String slug) {
            RuntimeException e = openFailure;
            if (e != null) {
                throw e;
            }
            Output o = new Output(camera, slug);
            outputs.add(o);
            return o;
        }

        @Override
        public StreamUrls urls(String slug) {
            return new StreamUrls("rtsp://host/" + slug, "http://host/" + slug, "hls/" + slug + "/index.m3u8");
        }

        Output last() {
            return outputs.get(outputs.size() - 1);
        }
    }

    /** A store in memory. */
    static final class Store implements CameraStore {
        final Map<CameraId, StoredCamera> saved = Collections.synchronizedMap(new HashMap<>());
        final AtomicInteger saves = new AtomicInteger();

        @Override
        public Map<CameraId, StoredCamera> load() {
            return Map.copyOf(saved);
        }

        @Override
        public void save(Map<CameraId, StoredCamera> cameras) {
            saves.incrementAndGet();
            synchronized (saved) {
                saved.clear();
                saved.putAll(cameras);
            }
        }
    }

    /** Records everything a listener hears. */
    static final class Recorder implements CameraListener {
        record Event(CameraId id, CameraEvent event) {}

        final List<CameraState> states = new CopyOnWriteArrayList<>();
        final List<Event> events = new CopyOnWriteArrayList<>();
        final List<CameraId> snapshots = new CopyOnWriteArrayList<>();
        final List<String> removed = new CopyOnWriteArrayList<>();

        @Override
        public void onState(CameraState state) {
            states.add(state);
        }

        @Override
        public void onEvent(CameraId id, CameraEvent event) {
            events.add(new Event(id, event));
        }

        @Override
        public void onSnapshot(CameraId id, byte[] jpeg) {
            snapshots.add(id);
        }

        @Override
        public void onRemoved(CameraId id, String slug) {
            removed.add(slug);
        }

        List<CameraEvent> events(CameraId id) {
            List<CameraEvent> out = new ArrayList<>();
            for (Event e : events) {
                if (e.id().equals(id)) {
                    out.add(e.event());
                }
            }
            return out;
        }

        List<String> types(CameraId id) {
            return events(id).stream().map(CameraEvent::type).toList();
        }
    }
}
