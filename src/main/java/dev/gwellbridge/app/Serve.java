package dev.gwellbridge.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a started bridge until the process is asked to stop (SIGTERM, Ctrl-C): the shutdown hook
 * closes the bridge, then the waiting thread returns.
 */
final class Serve {
    private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

    private Serve() {}

    /** Blocks until the JVM shuts down (or the thread is interrupted) and the bridge is closed. */
    static int untilStopped(AutoCloseable bridge) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    try {
                        bridge.close();
                    } catch (Exception e) {
                        LOG.warn("stopping failed: {}", e.toString());
                    } finally {
                        done.countDown();
                    }
                },
                "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        done.await();
        return 0;
    }
}
