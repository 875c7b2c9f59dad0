package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactingConverterTest {
    private static final String SECRET = "conv-secret-4410";

    static {
        Secrets.register(SECRET);
    }

    @Test
    void messageConverterMasksSecretsInFormattedArguments() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("test");
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(), logger, Level.INFO, "logging in with {} as {}", null, new Object[] {
                    SECRET, "user@example.com"
                });
        RedactingConverter converter = new RedactingConverter();
        converter.setContext(context);
        converter.start();
        assertThat(converter.convert(event)).isEqualTo("logging in with *** as user@example.com");
    }

    @Test
    void throwableConverterMasksSecretsInStackTraces() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("test");
        Exception cause = new IllegalStateException("token " + SECRET + " rejected");
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(), logger, Level.WARN, "login failed", new IOException("wrapped", cause), null);
        RedactingThrowableConverter converter = new RedactingThrowableConverter();
        converter.setContext(context);
        converter.start();
        String out = converter.convert(event);
        assertThat(out).contains("token *** rejected").contains("java.io.IOException: wrapped");
        assertThat(out).doesNotContain(SECRET);
    }

    @Test
    void theShippedLogbackConfigurationRedactsMessagesAndExceptions() throws Exception {
        URL config = RedactingConverterTest.class.getResource("/logback.xml");
        assertThat(config)
                .as("src/main/resources/logback.xml on the class path")
                .isNotNull();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(config);
            Logger log = context.getLogger("dev.gwellbridge.cloud.Login");
            log.info("password is {}", SECRET);
            log.error("request failed", new IOException("401 for key " + SECRET));
        } finally {
            context.stop();
            System.setErr(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("password is ***").contains("401 for key ***").contains("IOException");
        assertThat(out).doesNotContain(SECRET);
    }
}
