package dev.gwellbridge.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reads of single option fields that record an {@link OptionsProblem} and fall back to a
 * default when a value is wrong. A field that is absent, null or blank text counts as not set.
 *
 * <p>Every method takes the field's full path for messages ({@code cameras[0].lan_ip}) and its key
 * inside {@code node}. Secret values never reach a problem's {@code got}.
 */
final class OptionsFields {
    static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+:\\d{1,5}");

    private final List<OptionsProblem> problems = new ArrayList<>();

    List<OptionsProblem> problems() {
        return problems;
    }

    void problem(String path, String expected, String got) {
        problems.add(new OptionsProblem(path, expected, got));
    }

    String string(JsonNode node, String path, String field, String fallback) {
        if (!present(node, field)) {
            return fallback;
        }
        JsonNode v = node.path(field);
        if (v.isTextual()) {
            return v.textValue().trim();
        }
        if (v.isNumber()) {
            return v.asText();
        }
        problem(path, "text", typeName(v));
        return fallback;
    }

    /** A credential: registered with {@link Secrets} as read, never quoted in a problem. */
    String secret(JsonNode node, String path, String field) {
        if (!present(node, field)) {
            return "";
        }
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            problem(path, "text", "");
            return "";
        }
        Secrets.register(v.textValue());
        Secrets.register(v.textValue().trim());
        return v.textValue();
    }

    boolean bool(JsonNode node, String path, String field, boolean fallback) {
        if (!present(node, field)) {
            return fallback;
        }
        JsonNode v = node.path(field);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        problem(path, "true or false", v.toString());
        return fallback;
    }

    int port(JsonNode node, String path, String field, int fallback) {
        if (!present(node, field)) {
            return fallback;
        }
        JsonNode v = node.path(field);
        long p = -1;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            p = v.longValue();
        } else if (v.isTextual() && v.asText().trim().matches("\\d{1,5}")) {
            p = Long.parseLong(v.asText().trim());
        }
        if (p >= 1 && p <= 65535) {
            return (int) p;
        }
        problem(path, "a port number 1-65535", v.toString());
        return fallback;
    }

    /** A whole number within {@code [min, max]}, empty when not set or invalid. */
    Optional<Long> number(JsonNode node, String path, String field, int min, int max) {
        if (!present(node, field)) {
            return Optional.empty();
        }
        JsonNode v = node.path(field);
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= min && v.longValue() <= max) {
            return Optional.of(v.longValue());
        }
        problem(path, "a whole number from " + min + " to " + max, v.toString());
        return Optional.empty();
    }

    /** A host name or IP address, without scheme, port or path. */
    String host(JsonNode node, String path, String field) {
        String v = string(node, path, field, "");
        if (!v.isEmpty() && !HOST.matcher(v).matches() && !IPV6.matcher(v).matches()) {
            problem(path, "a host name or IP address without scheme or port, e.g. 192.168.1.10", quote(v));
            return "";
        }
        return v;
    }

    String hostPort(JsonNode node, String path, String field) {
        String v = string(node, path, field, "");
        if (!v.isEmpty()) {
            boolean ok = HOST_PORT.matcher(v).matches();
            if (ok) {
                int port = Integer.parseInt(v.substring(v.lastIndexOf(':') + 1));
                ok = port >= 1 && port <= 65535;
            }
            if (!ok) {
                problem(path, "host:port, e.g. 3.13.212.24:28800", quote(v));
                return "";
            }
        }
        return v;
    }

    List<String> addressList(JsonNode node, String path, String field) {
        String v = string(node, path, field, "");
        List<String> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!IPV4.matcher(p).matches() && !IPV6.matcher(p).matches()) {
                problem(path, "comma-separated IP addresses", quote(p));
                continue;
            }
            out.add(p);
        }
        return out;
    }

    String topic(JsonNode node, String path, String field, String fallback) {
        String v = string(node, path, field, fallback);
        if (!TOPIC.matcher(v).matches()) {
            problem(path, "letters, digits, '_' or '-' only", quote(v));
            return fallback;
        }
        return v;
    }

    URI url(JsonNode node, String path, String field, URI fallback) {
        String v = string(node, path, field, "");
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            URI u = new URI(v);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(path, "an http(s) URL", quote(v));
        return fallback;
    }

    static boolean present(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return !v.isMissingNode()
                && !v.isNull()
                && !(v.isTextual() && v.textValue().isBlank());
    }

    static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : "";
    }

    static String quote(String s) {
        return "'" + s + "'";
    }

    static String typeName(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
