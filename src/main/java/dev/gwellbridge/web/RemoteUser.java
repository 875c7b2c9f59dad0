package dev.gwellbridge.web;

import io.javalin.http.Context;

/**
 * The Home Assistant user behind an ingress request, from the headers the Supervisor adds. Only
 * used to attribute changes in the log; the values are cleaned so they cannot forge log lines.
 */
final class RemoteUser {
    private static final int MAX_LENGTH = 64;

    private RemoteUser() {}

    /** {@code name (id)}, or {@code an unknown user} when the request did not come through ingress. */
    static String describe(Context ctx) {
        String name = clean(ctx.header("X-Remote-User-Name"));
        if (name.isEmpty()) {
            name = clean(ctx.header("X-Remote-User-Display-Name"));
        }
        String id = clean(ctx.header("X-Remote-User-Id"));
        if (name.isEmpty() && id.isEmpty()) {
            return "an unknown user";
        }
        if (id.isEmpty()) {
            return name;
        }
        return (name.isEmpty() ? "user" : name) + " (" + id + ")";
    }

    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        raw.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .limit(MAX_LENGTH)
                .forEach(b::appendCodePoint);
        return b.toString().trim();
    }
}
