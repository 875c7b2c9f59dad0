package dev.gwellbridge.config;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide registry of secret strings (passwords, API keys, tokens). Everything that is
 * logged passes through {@link #redact(String)}, so a secret registered here never reaches a log
 * line, whatever code formats it.
 *
 * <p>Thread-safe. Register every credential as soon as it is read or received.
 */
public final class Secrets {
    /** Shorter strings are not registered: redacting them would mangle ordinary text. */
    static final int MIN_LENGTH = 4;

    private static final String MASK = "***";
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private Secrets() {}

    /** Registers a secret (ignored when null or shorter than 4 characters). */
    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            VALUES.add(secret);
        }
    }

    /** Replaces every registered secret in {@code text} with {@code ***}. */
    public static String redact(String text) {
        if (text == null || VALUES.isEmpty()) {
            return text;
        }
        String out = text;
        // Longest first, so a secret that contains another is masked whole.
        List<String> sorted = VALUES.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String s : sorted) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /** Masks the user-info part of a URL ({@code rtsp://user:pass@host} → {@code rtsp://***@host}). */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        return redact(url.replaceAll("(?<=://)[^/@\\s]+@", MASK + "@"));
    }
}
