package dev.gwellbridge.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A real mosquitto broker for integration tests: generated config on a free loopback port, no
 * persistence (so a restart forgets retained messages, like a broker without persistence), log to a
 * file in the test's folder.
 */
public final class Mosquitto implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private Process process;
    private int starts;

    private Mosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a broker on a free port; skips the test when mosquitto is not installed. */
    public static Mosquitto start(Path dir) {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "mosquitto is not installed");
        Mosquitto m = new Mosquitto(dir, freePort());
        m.start();
        return m;
    }

    /** Starts a broker on a given port (e.g. the standard 1883 a local bridge probes for). */
    public static Mosquitto startOn(Path dir, int port) {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "mosquitto is not installed");
        Mosquitto m = new Mosquitto(dir, port);
        m.start();
        return m;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** (Re)starts the broker on the same port and waits until it accepts connections. */
    public void start() {
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(
                    conf,
                    "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stdout\n");
            starts++;
            Path log = dir.resolve("mosquitto-" + starts + ".log");
            process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Process p = process;
            Awaitility.await("mosquitto on port " + port)
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
                        }
                        return accepts();
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the broker (SIGTERM) and waits for it to exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
