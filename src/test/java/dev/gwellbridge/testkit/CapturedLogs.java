package dev.gwellbridge.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the process while open, for tests that sweep the logs (for secrets, say). */
public final class CapturedLogs implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private CapturedLogs() {}

    /** Starts capturing at the root logger. */
    public static CapturedLogs start() {
        CapturedLogs c = new CapturedLogs();
        c.appender.start();
        c.root.addAppender(c.appender);
        return c;
    }

    /** Every message so far as formatted, before the log pattern's own redaction, with its throwable. */
    public List<String> lines() {
        synchronized (appender) {
            return appender.list.stream()
                    .map(e -> e.getFormattedMessage() + " " + e.getThrowableProxy())
                    .toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
