package dev.gwellbridge.sim;

import dev.gwellbridge.h264.FrameRate;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link Simulator} run is made of. Immutable; build one with {@link #builder()}.
 *
 * <p>Defaults: bind 127.0.0.1, a free server port, one LAN camera, seed 1, the generated test
 * pattern, no impairment, the reported camera and server behaviour.
 */
public final class SimulatorConfig {
    /** Bytes of sent H.264 kept per camera and stream for comparisons. */
    public static final int DEFAULT_SENT_VIDEO_LIMIT = 64 << 20;

    private final InetAddress bindAddress;
    private final int serverPort;
    private final int cameras;
    private final SimMode mode;
    private final long seed;
    private final Path h264;
    private final VideoSource source;
    private final TestPattern testPattern;
    private final Path cacheDir;
    private final String ffmpeg;
    private final FrameRate fallbackRate;
    private final Impairment serverImpairment;
    private final Impairment cameraImpairment;
    private final Map<Integer, Impairment> cameraImpairments;
    private final CameraBehaviour cameraBehaviour;
    private final ServerBehaviour serverBehaviour;
    private final boolean sharedAccount;
    private final int sentVideoLimit;

    private SimulatorConfig(Builder b) {
        this.bindAddress = b.bindAddress;
        this.serverPort = b.serverPort;
        this.cameras = b.cameras;
        this.mode = b.mode;
        this.seed = b.seed;
        this.h264 = b.h264;
        this.source = b.source;
        this.testPattern = b.testPattern;
        this.cacheDir = b.cacheDir;
        this.ffmpeg = b.ffmpeg;
        this.fallbackRate = b.fallbackRate;
        this.serverImpairment = b.serverImpairment;
        this.cameraImpairment = b.cameraImpairment;
        this.cameraImpairments = Map.copyOf(b.cameraImpairments);
        this.cameraBehaviour = b.cameraBehaviour;
        this.serverBehaviour = b.serverBehaviour;
        this.sharedAccount = b.sharedAccount;
        this.sentVideoLimit = b.sentVideoLimit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bindAddress = bindAddress;
        b.serverPort = serverPort;
        b.cameras = cameras;
        b.mode = mode;
        b.seed = seed;
        b.h264 = h264;
        b.source = source;
        b.testPattern = testPattern;
        b.cacheDir = cacheDir;
        b.ffmpeg = ffmpeg;
        b.fallbackRate = fallbackRate;
        b.serverImpairment = serverImpairment;
        b.cameraImpairment = cameraImpairment;
        b.cameraImpairments.putAll(cameraImpairments);
        b.cameraBehaviour = cameraBehaviour;
        b.serverBehaviour = serverBehaviour;
        b.sharedAccount = sharedAccount;
        b.sentVideoLimit = sentVideoLimit;
        return b;
    }

    /** The address every socket binds to; it is also the cameras' LAN IP. */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** The server's UDP and TCP port; 0 picks a free one. */
    public int serverPort() {
        return serverPort;
    }

    /** Number of cameras. */
    public int cameras() {
        return cameras;
    }

    public SimMode mode() {
        return mode;
    }

    /** The run seed: identities, ids and every impairment decision derive from it. */
    public long seed() {
        return seed;
    }

    /** The Annex B file to send, if given (else the test pattern). */
    public Optional<Path> h264() {
        return Optional.ofNullable(h264);
    }

    /** A source already loaded, if given; it wins over the file and the test pattern. */
    public Optional<VideoSource> source() {
        return Optional.ofNullable(source);
    }

    public TestPattern testPattern() {
        return testPattern;
    }

    /** Where the generated test pattern is cached. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** The ffmpeg executable used to generate the test pattern. */
    public String ffmpeg() {
        return ffmpeg;
    }

    /** The frame rate of a stream that declares none. */
    public FrameRate fallbackRate() {
        return fallbackRate;
    }

    /** Impairment of both directions between clients and the server's UDP socket. */
    public Impairment serverImpairment() {
        return serverImpairment;
    }

    /** Impairment of both directions between clients and camera {@code index}'s UDP socket. */
    public Impairment cameraImpairment(int index) {
        return cameraImpairments.getOrDefault(index, cameraImpairment);
    }

    public CameraBehaviour cameraBehaviour() {
        return cameraBehaviour;
    }

    public ServerBehaviour serverBehaviour() {
        return serverBehaviour;
    }

    /** Whether all cameras belong to one account (one credential, one device list). */
    public boolean sharedAccount() {
        return sharedAccount;
    }

    /** Bytes of sent H.264 kept per camera and stream. */
    public int sentVideoLimit() {
        return sentVideoLimit;
    }

    /** Builds a {@link SimulatorConfig}; every setter returns the builder. */
    public static final class Builder {
        private InetAddress bindAddress = loopback();
        private int serverPort;
        private int cameras = 1;
        private SimMode mode = SimMode.LAN;
        private long seed = 1;
        private Path h264;
        private VideoSource source;
        private TestPattern testPattern = TestPattern.DEFAULT;
        private Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "gwell-bridge-sim");
        private String ffmpeg = "ffmpeg";
        private FrameRate fallbackRate = FrameRate.FALLBACK;
        private Impairment serverImpairment = Impairment.NONE;
        private Impairment cameraImpairment = Impairment.NONE;
        private final Map<Integer, Impairment> cameraImpairments = new HashMap<>();
        private CameraBehaviour cameraBehaviour = CameraBehaviour.DEFAULT;
        private ServerBehaviour serverBehaviour = ServerBehaviour.DEFAULT;
        private boolean sharedAccount;
        private int sentVideoLimit = DEFAULT_SENT_VIDEO_LIMIT;

        private Builder() {}

        private static InetAddress loopback() {
            try {
                return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        public Builder serverPort(int port) {
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("server port must be 0..65535");
            }
            this.serverPort = port;
            return this;
        }

        public Builder cameras(int count) {
            if (count < 1 || count > 256) {
                throw new IllegalArgumentException("cameras must be 1..256");
            }
            this.cameras = count;
            return this;
        }

        public Builder mode(SimMode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder h264(Path file) {
            this.h264 = file;
            return this;
        }

        public Builder source(VideoSource source) {
            this.source = source;
            return this;
        }

        public Builder testPattern(TestPattern pattern) {
            this.testPattern = Objects.requireNonNull(pattern);
            return this;
        }

        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir);
            return this;
        }

        public Builder ffmpeg(String executable) {
            this.ffmpeg = Objects.requireNonNull(executable);
            return this;
        }

        public Builder fallbackRate(FrameRate rate) {
            this.fallbackRate = Objects.requireNonNull(rate);
            return this;
        }

        public Builder serverImpairment(Impairment impairment) {
            this.serverImpairment = Objects.requireNonNull(impairment);
            return this;
        }

        /** The impairment of every camera without one of its own. */
        public Builder cameraImpairment(Impairment impairment) {
            this.cameraImpairment = Objects.requireNonNull(impairment);
            return this;
        }

        /** The impairment of camera {@code index} alone. */
        public Builder cameraImpairment(int index, Impairment impairment) {
            this.cameraImpairments.put(index, Objects.requireNonNull(impairment));
            return this;
        }

        /** The same impairment on the server and on every camera. */
        public Builder impairment(Impairment impairment) {
            return serverImpairment(impairment).cameraImpairment(impairment);
        }

        public Builder cameraBehaviour(CameraBehaviour behaviour) {
            this.cameraBehaviour = Objects.requireNonNull(behaviour);
            return this;
        }

        public Builder serverBehaviour(ServerBehaviour behaviour) {
            this.serverBehaviour = Objects.requireNonNull(behaviour);
            return this;
        }

        public Builder sharedAccount(boolean shared) {
            this.sharedAccount = shared;
            return this;
        }

        public Builder sentVideoLimit(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("sent video limit cannot be negative");
            }
            this.sentVideoLimit = bytes;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
