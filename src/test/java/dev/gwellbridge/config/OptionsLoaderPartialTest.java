package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any subset of the fields may be given; the rest keep their defaults. */
class OptionsLoaderPartialTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Function<Options, Object>> TOP = new LinkedHashMap<>();
    private static final Map<String, Function<WyzeOptions, Object>> WYZE = new LinkedHashMap<>();
    private static final Map<String, Function<MqttOptions, Object>> MQTT = new LinkedHashMap<>();

    static {
        TOP.put("stream_mode", Options::streamMode);
        TOP.put("quality", Options::quality);
        TOP.put("rtsp_port", Options::rtspPort);
        TOP.put("hls_port", Options::hlsPort);
        TOP.put("advertise_host", Options::advertiseHost);
        TOP.put("p2p_server", Options::p2pServer);
        TOP.put("handshake_stagger_s", Options::handshakeStagger);
        TOP.put("deadman_s", Options::deadman);
        TOP.put("idle_timeout_s", Options::idleTimeout);
        TOP.put("snapshot_interval_min", Options::snapshotInterval);
        TOP.put("web_allow", Options::webAllow);
        TOP.put("cameras", Options::cameras);
        TOP.put("log_level", Options::logLevel);
        WYZE.put("email", WyzeOptions::email);
        WYZE.put("password", WyzeOptions::password);
        WYZE.put("api_id", WyzeOptions::apiId);
        WYZE.put("api_key", WyzeOptions::apiKey);
        WYZE.put("totp_key", WyzeOptions::totpKey);
        WYZE.put("auth_url", WyzeOptions::authUrl);
        WYZE.put("api_url", WyzeOptions::apiUrl);
        WYZE.put("mars_url", WyzeOptions::marsUrl);
        WYZE.put("fresh_token_per_session", WyzeOptions::freshTokenPerSession);
        MQTT.put("host", MqttOptions::host);
        MQTT.put("port", MqttOptions::port);
        MQTT.put("username", MqttOptions::username);
        MQTT.put("password", MqttOptions::password);
        MQTT.put("base_topic", MqttOptions::baseTopic);
        MQTT.put("discovery_prefix", MqttOptions::discoveryPrefix);
    }

    @Provide
    Arbitrary<Set<String>> topKeys() {
        return Arbitraries.subsetOf(TOP.keySet());
    }

    @Provide
    Arbitrary<Set<String>> wyzeKeys() {
        return Arbitraries.subsetOf(WYZE.keySet());
    }

    @Provide
    Arbitrary<Set<String>> mqttKeys() {
        return Arbitraries.subsetOf(MQTT.keySet());
    }

    @Property(tries = 300, seed = "20261124")
    void givenFieldsAreReadAndAbsentOnesKeepTheirDefaults(
            @ForAll("topKeys") Set<String> top,
            @ForAll("wyzeKeys") Set<String> wyze,
            @ForAll("mqttKeys") Set<String> mqtt,
            @ForAll boolean withWyze,
            @ForAll boolean withMqtt)
            throws Exception {
        ObjectNode full = (ObjectNode) JSON.readTree(OptionsLoaderTest.FULL);
        ObjectNode doc = JSON.createObjectNode();
        for (String k : top) {
            doc.set(k, full.get(k));
        }
        if (withWyze) {
            ObjectNode w = doc.putObject("wyze");
            wyze.forEach(k -> w.set(k, full.get("wyze").get(k)));
        }
        if (withMqtt) {
            ObjectNode m = doc.putObject("mqtt");
            mqtt.forEach(k -> m.set(k, full.get("mqtt").get(k)));
        }

        LoadedOptions loaded = OptionsLoader.parse(JSON.writeValueAsString(doc));
        Options all = OptionsLoader.parse(OptionsLoaderTest.FULL).options();
        Options d = Options.DEFAULT;

        assertThat(loaded.problems()).isEmpty();
        Options o = loaded.options();
        TOP.forEach((k, get) -> assertThat(get.apply(o)).as(k).isEqualTo(get.apply(top.contains(k) ? all : d)));
        WYZE.forEach((k, get) -> assertThat(get.apply(o.wyze()))
                .as("wyze." + k)
                .isEqualTo(get.apply(withWyze && wyze.contains(k) ? all.wyze() : d.wyze())));
        MQTT.forEach((k, get) -> assertThat(get.apply(o.mqtt()))
                .as("mqtt." + k)
                .isEqualTo(get.apply(withMqtt && mqtt.contains(k) ? all.mqtt() : d.mqtt())));
    }
}
