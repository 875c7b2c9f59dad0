package dev.gwellbridge.app;

import dev.gwellbridge.camera.AccountPort;
import dev.gwellbridge.camera.CameraControl;
import dev.gwellbridge.camera.CredentialSource;
import dev.gwellbridge.config.DataDir;
import dev.gwellbridge.config.InstallId;
import dev.gwellbridge.config.Options;
import dev.gwellbridge.web.WebSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The real {@link Bridge} (media, supervisor, page) started the way {@code run} starts it, for
 * full-stack tests in other packages: the session connector comes from the options through the
 * production {@link SessionConnectors} (loopback allowed as a camera LAN address), MQTT is off, and
 * the page's log tail is installed on the root logger until {@link #close()}.
 */
public final class TestBridge implements AutoCloseable {
    private final Bridge bridge;
    private final LogTail tail;

    private TestBridge(Bridge bridge, LogTail tail) {
        this.bridge = bridge;
        this.tail = tail;
    }

    /**
     * Starts a bridge; the page answers when this returns.
     *
     * @param options the add-on options (P2P server, ports, stream mode, ...)
     * @param dataDir the data directory (state files, HLS, snapshots)
     * @param credentials the camera list and P2P credentials, usually the same object as {@code account}
     * @param account the account as the page manages it
     * @param web where the page listens and who may open it
     * @param seed seeds backoff jitter and the install id
     */
    public static TestBridge start(
            Options options,
            Path dataDir,
            CredentialSource credentials,
            AccountPort account,
            WebSettings web,
            long seed)
            throws IOException {
        DataDir data = DataDir.at(dataDir).open();
        LogTail tail = LogTail.install(500);
        SplittableRandom random = new SplittableRandom(seed);
        BridgeSetup setup = new BridgeSetup(
                options,
                List.of(),
                data,
                InstallId.loadOrCreate(data, random, InstantSource.system()).shortHex(),
                credentials,
                account,
                new SessionConnectors().create(options, true),
                web,
                BrokerChoice.off("no MQTT broker in this test"),
                options.advertiseHost().isEmpty() ? "127.0.0.1" : options.advertiseHost(),
                "",
                "ffmpeg",
                tail,
                InstantSource.system(),
                random);
        try {
            return new TestBridge(Bridge.start(setup), tail);
        } catch (RuntimeException e) {
            tail.uninstall();
            throw e;
        }
    }

    /** The port the page listens on. */
    public int webPort() {
        return bridge.webPort();
    }

    /** The supervisor's command side, as the page and MQTT use it. */
    public CameraControl cameras() {
        return bridge.supervisor();
    }

    /** The log lines the page shows, as recorded (redacted). */
    public List<String> logTail() {
        return tail.lines();
    }

    @Override
    public void close() {
        try {
            bridge.close();
        } finally {
            tail.uninstall();
        }
    }
}
