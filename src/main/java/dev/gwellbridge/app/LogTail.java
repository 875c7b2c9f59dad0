package dev.gwellbridge.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.gwellbridge.config.Secrets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The last few hundred log lines, kept in memory for the page's log tail and the debug bundle.
 * Lines are redacted through {@link Secrets} when recorded and again when read, so a secret
 * registered after a line was logged is masked too. Thread-safe.
 */
public final class LogTail extends AppenderBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    LogTail(int capacity) {
        this.capacity = capacity;
    }

    /** Attaches a tail of {@code capacity} lines to the root logger and returns it. */
    public static LogTail install(int capacity) {
        LogTail tail = new LogTail(capacity);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            tail.setContext(ctx);
            tail.setName("log-tail");
            tail.start();
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(tail);
        }
        return tail;
    }

    /** Detaches from the root logger. */
    public void uninstall() {
        if (getContext() instanceof LoggerContext ctx) {
            Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(this);
        }
        stop();
    }

    @Override
    protected void append(ILoggingEvent e) {
        StringBuilder b = new StringBuilder(160)
                .append(TIME.format(Instant.ofEpochMilli(e.getTimeStamp())))
                .append(' ')
                .append(e.getLevel())
                .append(" [")
                .append(e.getThreadName())
                .append("] ")
                .append(shortName(e.getLoggerName()))
                .append(" - ")
                .append(e.getFormattedMessage());
        if (e.getThrowableProxy() != null) {
            b.append(" | ")
                    .append(ThrowableProxyUtil.asString(e.getThrowableProxy())
                            .lines()
                            .findFirst()
                            .orElse(""));
        }
        String line = Secrets.redact(b.toString());
        synchronized (lines) {
            lines.addLast(line);
            while (lines.size() > capacity) {
                lines.removeFirst();
            }
        }
    }

    /** The recorded lines, oldest first. */
    public List<String> lines() {
        List<String> copy;
        synchronized (lines) {
            copy = new ArrayList<>(lines);
        }
        copy.replaceAll(Secrets::redact);
        return copy;
    }

    private static String shortName(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
