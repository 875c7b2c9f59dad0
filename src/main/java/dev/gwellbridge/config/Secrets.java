package dev.gwellbridge.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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

    /**
     * The user-info of a URL: everything between {@code ://} and the last {@code @} before the
     * path, query or fragment. Greedy on purpose: a password with a raw {@code @} is masked whole.
     */
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/?#\\s]*@");

    private Secrets() {}

    /** Registers a secret (ignored when null or shorter than 4 characters). */
    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            VALUES.add(secret);
        }
    }

    /**
     * Replaces every registered secret in {@code text} with {@code ***}. Occurrences are found in
     * the original text and overlapping or touching ones are masked as one, so a secret that
     * contains another, or two secrets that overlap, never leave a fragment behind.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty() || VALUES.isEmpty()) {
            return text;
        }
        boolean[] masked = null;
        for (String s : VALUES) {
            for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
                if (masked == null) {
                    masked = new boolean[text.length()];
                }
                for (int i = at; i < at + s.length(); i++) {
                    masked[i] = true;
                }
            }
        }
        if (masked == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !masked[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    /**
     * Masks the user-info part of every URL in {@code url} ({@code rtsp://user:pass@host} → {@code
     * rtsp://***@host}), then every registered secret.
     */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        return redact(USER_INFO.matcher(url).replaceAll(MASK + "@"));
    }
}
