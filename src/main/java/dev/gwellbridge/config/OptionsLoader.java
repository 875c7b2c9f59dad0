package dev.gwellbridge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the options JSON field by field. A bad field yields an {@link OptionsProblem} naming it and
 * its default is used instead; an unparseable file yields one problem and all defaults. Secrets
 * found in the file are registered with {@link Secrets} as they are read.
 */
public final class OptionsLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern CAMERA_KEY = Pattern.compile("[A-Za-z0-9_]{12,40}");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+:\\d{1,5}");
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");
    private static final Set<String> TRANSPORTS = Set.of("auto", "lan", "relay");

    private final List<OptionsProblem> problems = new ArrayList<>();

    private OptionsLoader() {}

    /** Reads a file; a missing file gives the defaults without problems. */
    public static LoadedOptions load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new LoadedOptions(Options.DEFAULT, List.of());
        } catch (IOException e) {
            return new LoadedOptions(
                    Options.DEFAULT,
                    List.of(new OptionsProblem(file.getFileName().toString(), "a readable file", e.getMessage())));
        }
    }

    /** Parses options JSON text. */
    public static LoadedOptions parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return new LoadedOptions(
                    Options.DEFAULT,
                    List.of(new OptionsProblem(
                            "options",
                            "a JSON object",
                            "invalid JSON at line " + e.getLocation().getLineNr())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new LoadedOptions(Options.DEFAULT, List.of());
        }
        if (!root.isObject()) {
            return new LoadedOptions(Options.DEFAULT, List.of(new OptionsProblem("options", "a JSON object", "")));
        }
        OptionsLoader l = new OptionsLoader();
        Options d = Options.DEFAULT;
        Options o = new Options(
                l.wyze(root.path("wyze")),
                l.enumValue(
                        root,
                        "stream_mode",
                        StreamMode.parse(text(root.path("stream_mode"))).orElse(null),
                        d.streamMode(),
                        "on_demand or always"),
                l.enumValue(
                        root,
                        "quality",
                        Quality.parse(text(root.path("quality"))).orElse(null),
                        d.quality(),
                        "hd or sd"),
                l.port(root, "rtsp_port", d.rtspPort()),
                l.port(root, "hls_port", d.hlsPort()),
                l.string(root, "advertise_host", ""),
                l.hostPort(root, "p2p_server"),
                l.seconds(root, "handshake_stagger_s", 0, 600, d.handshakeStagger()),
                l.seconds(root, "deadman_s", 10, 3600, d.deadman()),
                l.seconds(root, "idle_timeout_s", 10, 3600, d.idleTimeout()),
                l.minutes(root, "snapshot_interval_min", 0, 1440, d.snapshotInterval()),
                l.addressList(root, "web_allow"),
                l.mqtt(root.path("mqtt")),
                l.cameras(root.path("cameras")),
                l.logLevel(root));
        return new LoadedOptions(o, l.problems);
    }

    private WyzeOptions wyze(JsonNode w) {
        if (w.isMissingNode() || w.isNull()) {
            return WyzeOptions.NONE;
        }
        if (!w.isObject()) {
            problems.add(new OptionsProblem("wyze", "an object with email, password, api_id, api_key", ""));
            return WyzeOptions.NONE;
        }
        String email = string(w, "wyze.email", "email", "");
        if (!email.isEmpty() && !email.contains("@")) {
            problems.add(new OptionsProblem("wyze.email", "an e-mail address", ""));
            email = "";
        }
        String password = secret(w, "wyze.password", "password");
        String apiId = secret(w, "wyze.api_id", "api_id");
        String apiKey = secret(w, "wyze.api_key", "api_key");
        String totp = secret(w, "wyze.totp_key", "totp_key");
        return new WyzeOptions(
                email,
                password,
                apiId,
                apiKey,
                totp,
                url(w, "wyze.auth_url", "auth_url", WyzeOptions.DEFAULT_AUTH_URL),
                url(w, "wyze.api_url", "api_url", WyzeOptions.DEFAULT_API_URL),
                url(w, "wyze.mars_url", "mars_url", WyzeOptions.DEFAULT_MARS_URL),
                bool(w, "wyze.fresh_token_per_session", "fresh_token_per_session", false));
    }

    private MqttOptions mqtt(JsonNode m) {
        if (m.isMissingNode() || m.isNull()) {
            return MqttOptions.DEFAULT;
        }
        if (!m.isObject()) {
            problems.add(new OptionsProblem("mqtt", "an object", ""));
            return MqttOptions.DEFAULT;
        }
        int port = 0;
        if (present(m, "port")) {
            port = port(m, "mqtt.port", "port", 0);
        }
        return new MqttOptions(
                string(m, "mqtt.host", "host", ""),
                port,
                string(m, "mqtt.username", "username", ""),
                secret(m, "mqtt.password", "password"),
                topic(m, "mqtt.base_topic", "base_topic", MqttOptions.DEFAULT.baseTopic()),
                topic(m, "mqtt.discovery_prefix", "discovery_prefix", MqttOptions.DEFAULT.discoveryPrefix()));
    }

    private List<CameraOptions> cameras(JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problems.add(new OptionsProblem("cameras", "a list", ""));
            return List.of();
        }
        List<CameraOptions> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String at = "cameras[" + i + "]";
            if (!c.isObject()) {
                problems.add(new OptionsProblem(at, "an object with at least mac", ""));
                continue;
            }
            String mac = text(c.path("mac")).trim();
            if (!CAMERA_KEY.matcher(mac).matches()) {
                problems.add(new OptionsProblem(
                        at + ".mac", "a device id like GW_GC1_0A1B2C3D4E5F or a 12-digit MAC", quote(mac)));
                continue;
            }
            String lanIp = string(c, at + ".lan_ip", "lan_ip", "");
            if (!lanIp.isEmpty() && !IPV4.matcher(lanIp).matches()) {
                problems.add(new OptionsProblem(at + ".lan_ip", "an IPv4 address like 192.168.1.50", quote(lanIp)));
                lanIp = "";
            }
            String transport = string(c, at + ".transport", "transport", "auto").toLowerCase(Locale.ROOT);
            if (!TRANSPORTS.contains(transport)) {
                problems.add(new OptionsProblem(at + ".transport", "auto, lan or relay", quote(transport)));
                transport = "auto";
            }
            Quality quality = null;
            if (present(c, "quality")) {
                quality = Quality.parse(text(c.path("quality"))).orElse(null);
                if (quality == null) {
                    problems.add(new OptionsProblem(at + ".quality", "hd or sd", quote(text(c.path("quality")))));
                }
            }
            StreamMode mode = null;
            boolean off = false;
            if (present(c, "stream_mode")) {
                String raw = text(c.path("stream_mode")).trim().toLowerCase(Locale.ROOT);
                if (raw.equals("off")) {
                    off = true;
                } else {
                    mode = StreamMode.parse(raw).orElse(null);
                    if (mode == null) {
                        problems.add(new OptionsProblem(at + ".stream_mode", "on_demand, always or off", quote(raw)));
                    }
                }
            }
            String name = string(c, at + ".name", "name", "");
            out.add(new CameraOptions(
                    CameraId.of(mac).deviceId(),
                    name,
                    bool(c, at + ".enabled", "enabled", true),
                    lanIp,
                    transport,
                    quality,
                    mode,
                    off));
        }
        return out;
    }

    private String logLevel(JsonNode root) {
        String level = string(root, "log_level", "info").toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            problems.add(new OptionsProblem("log_level", "trace, debug, info, warn or error", quote(level)));
            return "info";
        }
        return level;
    }

    private <E> E enumValue(JsonNode root, String field, E parsed, E fallback, String expected) {
        if (!present(root, field)) {
            return fallback;
        }
        if (parsed == null) {
            problems.add(new OptionsProblem(field, expected, quote(text(root.path(field)))));
            return fallback;
        }
        return parsed;
    }

    private int port(JsonNode node, String field, int fallback) {
        return port(node, field, field, fallback);
    }

    private int port(JsonNode node, String path, String field, int fallback) {
        if (!present(node, field)) {
            return fallback;
        }
        JsonNode v = node.path(field);
        if (v.canConvertToInt() && v.isIntegralNumber()) {
            int p = v.intValue();
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } else if (v.isTextual() && v.asText().trim().matches("\\d{1,5}")) {
            int p = Integer.parseInt(v.asText().trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        }
        problems.add(new OptionsProblem(path, "a port number 1-65535", v.toString()));
        return fallback;
    }

    private Duration seconds(JsonNode root, String field, int min, int max, Duration fallback) {
        return number(root, field, min, max).map(Duration::ofSeconds).orElse(fallback);
    }

    private Duration minutes(JsonNode root, String field, int min, int max, Duration fallback) {
        return number(root, field, min, max).map(Duration::ofMinutes).orElse(fallback);
    }

    private java.util.Optional<Long> number(JsonNode root, String field, int min, int max) {
        if (!present(root, field)) {
            return java.util.Optional.empty();
        }
        JsonNode v = root.path(field);
        if (v.isIntegralNumber() && v.longValue() >= min && v.longValue() <= max) {
            return java.util.Optional.of(v.longValue());
        }
        problems.add(new OptionsProblem(field, "a whole number from " + min + " to " + max, v.toString()));
        return java.util.Optional.empty();
    }

    private String hostPort(JsonNode root, String field) {
        String v = string(root, field, "");
        if (!v.isEmpty()) {
            int colon = v.lastIndexOf(':');
            boolean ok = HOST_PORT.matcher(v).matches();
            if (ok) {
                int port = Integer.parseInt(v.substring(colon + 1));
                ok = port >= 1 && port <= 65535;
            }
            if (!ok) {
                problems.add(new OptionsProblem(field, "host:port, e.g. 3.13.212.24:28800", quote(v)));
                return "";
            }
        }
        return v;
    }

    private List<String> addressList(JsonNode root, String field) {
        String v = string(root, field, "");
        List<String> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!IPV4.matcher(p).matches() && !p.contains(":")) {
                problems.add(new OptionsProblem(field, "comma-separated IP addresses", quote(p)));
                continue;
            }
            out.add(p);
        }
        return out;
    }

    private String topic(JsonNode node, String path, String field, String fallback) {
        String v = string(node, path, field, fallback);
        if (!TOPIC.matcher(v).matches()) {
            problems.add(new OptionsProblem(path, "letters, digits, '_' or '-' only", quote(v)));
            return fallback;
        }
        return v;
    }

    private URI url(JsonNode node, String path, String field, URI fallback) {
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
        problems.add(new OptionsProblem(path, "an http(s) URL", quote(v)));
        return fallback;
    }

    private boolean bool(JsonNode node, String path, String field, boolean fallback) {
        if (!present(node, field)) {
            return fallback;
        }
        JsonNode v = node.path(field);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        problems.add(new OptionsProblem(path, "true or false", v.toString()));
        return fallback;
    }

    private String string(JsonNode node, String field, String fallback) {
        return string(node, field, field, fallback);
    }

    private String string(JsonNode node, String path, String field, String fallback) {
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
        problems.add(new OptionsProblem(path, "text", v.getNodeType().name().toLowerCase(Locale.ROOT)));
        return fallback;
    }

    private String secret(JsonNode node, String path, String field) {
        if (!present(node, field)) {
            return "";
        }
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            problems.add(new OptionsProblem(path, "text", ""));
            return "";
        }
        Secrets.register(v.textValue());
        Secrets.register(v.textValue().trim());
        return v.textValue();
    }

    private static boolean present(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return !v.isMissingNode()
                && !v.isNull()
                && !(v.isTextual() && v.textValue().isBlank());
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : "";
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
