package dev.gwellbridge.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the camera and P2P-server simulator: {@link #start} binds the server's UDP and TCP
 * port and one UDP socket per camera on the configured address, and runs them on one thread until
 * the returned handle is closed.
 *
 * <pre>{@code
 * try (SimulatorHandle sim = Simulator.start(SimulatorConfig.builder()
 *         .cameras(3).seed(42).cameraImpairment(Impairment.loss(5)).h264(file).build())) {
 *     SimCameraInfo cam = sim.camera(0).info();   // device id, access id/token, LAN address
 *     ... run a client against sim.serverAddress() ...
 *     assert sim.violations().isEmpty();
 * }
 * }</pre>
 */
public final class Simulator {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private Simulator() {}

    /**
     * Loads the video (the given source, the H.264 file, or the test pattern generated with ffmpeg
     * and cached), derives the cameras from the seed and starts serving.
     *
     * @throws IOException when a port cannot be bound, the file cannot be read, or ffmpeg is missing
     */
    public static SimulatorHandle start(SimulatorConfig config) throws IOException {
        VideoSource source = loadSource(config);
        List<CameraIdentity> identities = CameraIdentity.generate(
                new SimRandom(config.seed()).derive("identities"),
                config.cameras(),
                config.mode(),
                config.sharedAccount());
        SimulatorLoop loop = SimulatorLoop.start(config, identities, source);
        InetSocketAddress server = loop.serverAddress();
        LOG.info(
                "simulator: server {} with {} {} camera(s), {} pictures at {} fps, seed {}",
                server,
                identities.size(),
                config.mode(),
                source.pictureCount(),
                source.frameRate().toArgument(),
                config.seed());
        return new SimulatorHandle(loop, server, source, config.seed());
    }

    /** The video a run with {@code config} sends. */
    static VideoSource loadSource(SimulatorConfig config) throws IOException {
        if (config.source().isPresent()) {
            return config.source().get();
        }
        Path file = config.h264().isPresent() ? config.h264().get() : null;
        if (file == null) {
            try {
                file = new TestPatternGenerator(config.ffmpeg(), config.cacheDir()).ensure(config.testPattern());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while generating the test pattern");
            }
        }
        return VideoSource.read(file, config.fallbackRate());
    }
}
