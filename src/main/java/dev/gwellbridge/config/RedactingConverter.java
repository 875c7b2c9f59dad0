package dev.gwellbridge.config;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback {@code %msg} replacement that passes every formatted message through {@link Secrets}. */
public final class RedactingConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}
