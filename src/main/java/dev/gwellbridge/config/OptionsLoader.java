package dev.gwellbridge.config;

import static dev.gwellbridge.config.OptionsFields.present;
import static dev.gwellbridge.config.OptionsFields.quote;
import static dev.gwellbridge.config.OptionsFields.typeName;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the options JSON field by field. A bad field yields an {@link OptionsProblem} naming it and
 * its default is used instead; an unparseable file yields one problem and all defaults. Secrets
 * found in the file are registered with {@link Secrets} as they are read.
 */
public final class OptionsLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    private final OptionsFields f = new OptionsFields();

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
                    List.of(new OptionsProblem(file.getFileName().toString(), "a readable file", e.toString())));
        }
    }

    /** Parses options JSON text; empty text gives the defaults without problems. */
    public static LoadedOptions parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            return new LoadedOptions(
                    Options.DEFAULT, List.of(new OptionsProblem("options", "a JSON object", "invalid JSON" + where)));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new LoadedOptions(Options.DEFAULT, List.of());
        }
        if (!root.isObject()) {
            return new LoadedOptions(
                    Options.DEFAULT, List.of(new OptionsProblem("options", "a JSON object", typeName(root))));
        }
        return new OptionsLoader().read(root);
    }

    private LoadedOptions read(JsonNode root) {
        Options d = Options.DEFAULT;
        int rtspPort = f.port(root, "rtsp_port", "rtsp_port", d.rtspPort());
        int hlsPort = f.port(root, "hls_port", "hls_port", d.hlsPort());
        rtspPort = notTheWebPort("rtsp_port", rtspPort, d.rtspPort());
        hlsPort = notTheWebPort("hls_port", hlsPort, d.hlsPort());
        if (hlsPort == rtspPort) {
            f.problem("hls_port", "a port other than rtsp_port (" + rtspPort + ")", Integer.toString(hlsPort));
            hlsPort = rtspPort == d.hlsPort() ? d.rtspPort() : d.hlsPort();
        }
        Options o = new Options(
                wyze(root.path("wyze")),
                enumValue(root, "stream_mode", StreamMode::parse, d.streamMode(), "on_demand or always"),
                enumValue(root, "quality", Quality::parse, d.quality(), "hd or sd"),
                rtspPort,
                hlsPort,
                f.host(root, "advertise_host", "advertise_host"),
                f.hostPort(root, "p2p_server", "p2p_server"),
                seconds(root, "handshake_stagger_s", 0, 600, d.handshakeStagger()),
                seconds(root, "deadman_s", 10, 3600, d.deadman()),
                seconds(root, "idle_timeout_s", 10, 3600, d.idleTimeout()),
                f.number(root, "snapshot_interval_min", "snapshot_interval_min", 0, 1440)
                        .map(Duration::ofMinutes)
                        .orElse(d.snapshotInterval()),
                f.addressList(root, "web_allow", "web_allow"),
                mqtt(root.path("mqtt")),
                new CameraOptionsReader(f).read(root.path("cameras")),
                logLevel(root));
        return new LoadedOptions(o, f.problems());
    }

    private int notTheWebPort(String field, int port, int fallback) {
        if (port == Ports.WEB_PORT) {
            f.problem(field, "a port other than " + Ports.WEB_PORT + " (the add-on's page)", Integer.toString(port));
            return fallback;
        }
        return port;
    }

    private WyzeOptions wyze(JsonNode w) {
        if (w.isMissingNode() || w.isNull()) {
            return WyzeOptions.NONE;
        }
        if (!w.isObject()) {
            f.problem("wyze", "an object with email, password, api_id, api_key", typeName(w));
            return WyzeOptions.NONE;
        }
        String email = f.string(w, "wyze.email", "email", "");
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            // The address is personal: name the field, not the value.
            f.problem("wyze.email", "an e-mail address", "");
            email = "";
        }
        return new WyzeOptions(
                email,
                f.secret(w, "wyze.password", "password"),
                f.secret(w, "wyze.api_id", "api_id"),
                f.secret(w, "wyze.api_key", "api_key"),
                f.secret(w, "wyze.totp_key", "totp_key"),
                f.url(w, "wyze.auth_url", "auth_url", WyzeOptions.DEFAULT_AUTH_URL),
                f.url(w, "wyze.api_url", "api_url", WyzeOptions.DEFAULT_API_URL),
                f.url(w, "wyze.mars_url", "mars_url", WyzeOptions.DEFAULT_MARS_URL),
                f.bool(w, "wyze.fresh_token_per_session", "fresh_token_per_session", false));
    }

    private MqttOptions mqtt(JsonNode m) {
        if (m.isMissingNode() || m.isNull()) {
            return MqttOptions.DEFAULT;
        }
        if (!m.isObject()) {
            f.problem("mqtt", "an object", typeName(m));
            return MqttOptions.DEFAULT;
        }
        return new MqttOptions(
                f.host(m, "mqtt.host", "host"),
                f.port(m, "mqtt.port", "port", 0),
                f.string(m, "mqtt.username", "username", ""),
                f.secret(m, "mqtt.password", "password"),
                f.topic(m, "mqtt.base_topic", "base_topic", MqttOptions.DEFAULT.baseTopic()),
                f.topic(m, "mqtt.discovery_prefix", "discovery_prefix", MqttOptions.DEFAULT.discoveryPrefix()));
    }

    private String logLevel(JsonNode root) {
        String level = f.string(root, "log_level", "log_level", "info").toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            f.problem("log_level", "trace, debug, info, warn or error", quote(level));
            return "info";
        }
        return level;
    }

    private <E> E enumValue(
            JsonNode root, String field, Function<String, Optional<E>> parser, E fallback, String expected) {
        if (!present(root, field)) {
            return fallback;
        }
        JsonNode v = root.path(field);
        Optional<E> parsed = v.isValueNode() ? parser.apply(v.asText()) : Optional.empty();
        if (parsed.isEmpty()) {
            f.problem(field, expected, v.isValueNode() ? quote(v.asText()) : typeName(v));
            return fallback;
        }
        return parsed.get();
    }

    private Duration seconds(JsonNode root, String field, int min, int max, Duration fallback) {
        return f.number(root, field, field, min, max).map(Duration::ofSeconds).orElse(fallback);
    }
}
