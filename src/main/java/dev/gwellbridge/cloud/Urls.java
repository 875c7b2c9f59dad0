package dev.gwellbridge.cloud;

import dev.gwellbridge.config.Secrets;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small text helpers for URLs and server-provided messages. */
final class Urls {
    private static final int MAX_QUOTE = 160;

    private Urls() {}

    /** {@code base} (with or without a trailing slash or path prefix) followed by {@code path}. */
    static URI join(URI base, String path) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + path);
    }

    /** An instant for a message, to the second (UTC). */
    static String when(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", " UTC");
    }

    /** Server text made safe for a message: redacted, single line, shortened. */
    static String quote(String serverText) {
        String s = Secrets.redact(serverText).replaceAll("[\\p{Cntrl}\"]", " ").trim();
        return s.length() > MAX_QUOTE ? s.substring(0, MAX_QUOTE) + "..." : s;
    }
}
