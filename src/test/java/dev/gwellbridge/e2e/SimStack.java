package dev.gwellbridge.e2e;

import dev.gwellbridge.app.SimulatedAccount;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.CameraSupervisor;
import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.camera.SupervisorSettings;
import dev.gwellbridge.camera.ThreadedScheduler;
import dev.gwellbridge.config.JsonCameraStore;
import dev.gwellbridge.media.FfmpegMediaPort;
import dev.gwellbridge.media.MediaSettings;
import dev.gwellbridge.session.ConnectorSettings;
import dev.gwellbridge.session.LanFilter;
import dev.gwellbridge.session.SessionConnector;
import dev.gwellbridge.sim.SimMode;
import dev.gwellbridge.sim.Simulator;
import dev.gwellbridge.sim.SimulatorConfig;
import dev.gwellbridge.sim.SimulatorHandle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The real product below the outputs, on loopback: the simulator (P2P server + cameras), the GWell
 * session connector, ffmpeg media and the camera supervisor, wired as the application wires them.
 * Full-stack integration tests start one per test class and add MQTT or the page on top.
 */
public final class SimStack implements AutoCloseable {
    private final SimulatorHandle sim;
    private final SessionConnector connector;
    private final FfmpegMediaPort media;
    private final ThreadedScheduler scheduler;
    private final CameraSupervisor supervisor;
    private final SimulatedAccount account;
    private final Path dataDir;

    private SimStack(Builder b) throws IOException {
        this.dataDir = b.dataDir;
        Files.createDirectories(dataDir);
        this.sim = Simulator.start(b.simulator
                .apply(SimulatorConfig.builder()
                        .bindAddress(InetAddress.getLoopbackAddress())
                        .serverPort(0)
                        .cameras(b.cameras)
                        .mode(SimMode.LAN)
                        .seed(b.seed)
                        .cacheDir(b.cacheDir.orElse(dataDir.resolve("sim-cache"))))
                .build());
        InetSocketAddress server = sim.serverAddress();
        this.connector = new SessionConnector(
                ConnectorSettings.DEFAULT
                        .withP2pServer(server.getAddress().getHostAddress() + ":" + server.getPort())
                        .withLanFilter(LanFilter.defaults().allowingLoopback()),
                threads("session"));
        this.account = new SimulatedAccount(sim.cameraInfos(), InstantSource.system());
        // Parallel builds share the machine, so an unset RTSP port is picked free rather than fixed.
        int rtsp = b.rtspPort != 0 ? b.rtspPort : freePort();
        this.media = new FfmpegMediaPort(b.media.apply(MediaSettings.of(dataDir, "127.0.0.1", rtsp, rtsp + 1)));
        this.scheduler = new ThreadedScheduler();
        this.supervisor = new CameraSupervisor(
                account,
                b.connector.apply(connector),
                media,
                new JsonCameraStore(dataDir.resolve("cameras.json"), InstantSource.system()),
                b.settings,
                InstantSource.system(),
                scheduler,
                new SplittableRandom(b.seed));
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Starts the supervisor (listeners added before this see every state from the start). */
    public SimStack start() {
        supervisor.start();
        return this;
    }

    public SimulatorHandle simulator() {
        return sim;
    }

    public CameraSupervisor supervisor() {
        return supervisor;
    }

    public FfmpegMediaPort media() {
        return media;
    }

    public SimulatedAccount account() {
        return account;
    }

    public SessionConnector connector() {
        return connector;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The supervisor's current state of simulated camera {@code index}. */
    public Optional<CameraState> camera(int index) {
        return supervisor.find(sim.camera(index).info().deviceId());
    }

    /** Whether every simulated camera is streaming now. */
    public boolean allStreaming() {
        List<CameraState> all = supervisor.cameras();
        return all.size() == sim.cameras().size() && all.stream().allMatch(c -> c.status() == CameraStatus.STREAMING);
    }

    @Override
    public void close() {
        try {
            supervisor.close();
        } finally {
            media.close();
            scheduler.close();
            sim.close();
        }
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** How to build a stack; defaults: 1 camera, always mode, 1 s stagger, seed 1. */
    public static final class Builder {
        private final Path dataDir;
        private int cameras = 1;
        private long seed = 1;
        private int rtspPort;
        private Optional<Path> cacheDir = Optional.empty();
        private SupervisorSettings settings = new SupervisorSettings(
                StreamMode.ALWAYS,
                SupervisorSettings.DEFAULTS.quality(),
                Duration.ofSeconds(1),
                SupervisorSettings.DEFAULTS.deadman(),
                SupervisorSettings.DEFAULTS.idleTimeout(),
                Duration.ZERO,
                List.of());
        private UnaryOperator<SimulatorConfig.Builder> simulator = UnaryOperator.identity();
        private UnaryOperator<MediaSettings> media = UnaryOperator.identity();
        private UnaryOperator<StreamConnector> connector = UnaryOperator.identity();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder cameras(int n) {
            this.cameras = n;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** The RTSP port media publishes to (an RTSP receiver the test starts), HLS port + 1. */
        public Builder rtspPort(int port) {
            this.rtspPort = port;
            return this;
        }

        /** Where the simulator caches its generated test pattern (share it across test classes). */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Optional.of(dir);
            return this;
        }

        public Builder settings(SupervisorSettings s) {
            this.settings = s;
            return this;
        }

        /** Adjusts the simulator (impairment, behaviours, mode, source). */
        public Builder simulator(UnaryOperator<SimulatorConfig.Builder> f) {
            this.simulator = f;
            return this;
        }

        /** Adjusts the media settings (e.g. the RTSP publish base). */
        public Builder media(UnaryOperator<MediaSettings> f) {
            this.media = f;
            return this;
        }

        /** Wraps the session connector the supervisor uses (e.g. to record when sessions open). */
        public Builder connector(UnaryOperator<StreamConnector> f) {
            this.connector = f;
            return this;
        }

        public SimStack build() throws IOException {
            return new SimStack(this);
        }
    }
}
