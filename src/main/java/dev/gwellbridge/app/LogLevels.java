package dev.gwellbridge.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Applies the {@code log_level} option to our own loggers (third-party libraries stay at WARN). */
final class LogLevels {
    private LogLevels() {}

    static void apply(String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            Level l = Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO);
            ctx.getLogger("dev.gwellbridge").setLevel(l);
        }
    }
}
