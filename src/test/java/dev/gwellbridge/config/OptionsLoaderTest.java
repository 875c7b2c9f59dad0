package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptionsLoaderTest {
    /** Every option set to a valid value different from its default. */
    static final String FULL = """
            {
              "wyze": {
                "email": "owner@example.com",
                "password": "full-doc-password-1",
                "api_id": "full-doc-api-id-1",
                "api_key": "full-doc-api-key-1",
                "totp_key": "full-doc-totp-1",
                "auth_url": "https://auth.example.test",
                "api_url": "https://api.example.test",
                "mars_url": "https://mars.example.test",
                "fresh_token_per_session": true
              },
              "stream_mode": "always",
              "quality": "sd",
              "rtsp_port": 18554,
              "hls_port": 18888,
              "advertise_host": "192.168.1.10",
              "p2p_server": "3.13.212.24:28800",
              "handshake_stagger_s": 30,
              "deadman_s": 90,
              "idle_timeout_s": 300,
              "snapshot_interval_min": 5,
              "web_allow": "192.168.1.20, 192.168.1.21",
              "mqtt": {
                "host": "broker.lan",
                "port": 1884,
                "username": "bridge",
                "password": "full-doc-mqtt-pw-1",
                "base_topic": "gw",
                "discovery_prefix": "ha"
              },
              "cameras": [
                {"mac": "GW_GC1_0A1B2C3D4E5F", "name": "front_door", "enabled": false, "lan_ip": "192.168.1.50",
                 "transport": "lan", "quality": "hd", "stream_mode": "always"},
                {"mac": "aabbccddeeff", "stream_mode": "off"}
              ],
              "log_level": "debug"
            }
            """;

    @TempDir
    Path dir;

    @Test
    void anEmptyObjectGivesTheDefaults() {
        LoadedOptions loaded = OptionsLoader.parse("{}");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.valid()).isTrue();
        assertThat(loaded.options()).isEqualTo(Options.DEFAULT);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        Options d = Options.DEFAULT;
        assertThat(d.streamMode()).isEqualTo(StreamMode.ON_DEMAND);
        assertThat(d.quality()).isEqualTo(Quality.HD);
        assertThat(d.rtspPort()).isEqualTo(8554);
        assertThat(d.hlsPort()).isEqualTo(8888);
        assertThat(d.handshakeStagger()).isEqualTo(Duration.ofSeconds(15));
        assertThat(d.deadman()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.snapshotInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.mqtt().baseTopic()).isEqualTo("wyzegw");
        assertThat(d.mqtt().discoveryPrefix()).isEqualTo("homeassistant");
        assertThat(d.mqtt().effectivePort()).isEqualTo(1883);
        assertThat(d.logLevel()).isEqualTo("info");
        assertThat(d.wyze().hasCredentials()).isFalse();
        assertThat(d.cameras()).isEmpty();
    }

    @Test
    void readsEveryField() {
        LoadedOptions loaded = OptionsLoader.parse(FULL);
        assertThat(loaded.problems()).isEmpty();
        Options o = loaded.options();
        assertThat(o.wyze())
                .isEqualTo(new WyzeOptions(
                        "owner@example.com",
                        "full-doc-password-1",
                        "full-doc-api-id-1",
                        "full-doc-api-key-1",
                        "full-doc-totp-1",
                        URI.create("https://auth.example.test"),
                        URI.create("https://api.example.test"),
                        URI.create("https://mars.example.test"),
                        true));
        assertThat(o.streamMode()).isEqualTo(StreamMode.ALWAYS);
        assertThat(o.quality()).isEqualTo(Quality.SD);
        assertThat(o.rtspPort()).isEqualTo(18554);
        assertThat(o.hlsPort()).isEqualTo(18888);
        assertThat(o.advertiseHost()).isEqualTo("192.168.1.10");
        assertThat(o.p2pServer()).isEqualTo("3.13.212.24:28800");
        assertThat(o.handshakeStagger()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.deadman()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.snapshotInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.webAllow()).containsExactly("192.168.1.20", "192.168.1.21");
        assertThat(o.mqtt()).isEqualTo(new MqttOptions("broker.lan", 1884, "bridge", "full-doc-mqtt-pw-1", "gw", "ha"));
        assertThat(o.cameras())
                .containsExactly(
                        new CameraOptions(
                                "GW_GC1_0A1B2C3D4E5F",
                                "front_door",
                                false,
                                "192.168.1.50",
                                "lan",
                                Quality.HD,
                                StreamMode.ALWAYS,
                                false),
                        new CameraOptions("AABBCCDDEEFF", "", true, "", "auto", null, null, true));
        assertThat(o.logLevel()).isEqualTo("debug");
        assertThat(o.camera(CameraId.of("GW_GC2_AABBCCDDEEFF")))
                .as("an entry given as a bare MAC matches the camera's full device id")
                .contains(o.cameras().get(1));
    }

    @Test
    void aCameraWithOnlyItsIdGetsTheDefaultsAndIsFoundByEitherForm() {
        Options o = OptionsLoader.parse("{\"cameras\":[{\"mac\":\"gw_be1_0a1b2c3d4e5f\"}]}")
                .options();
        CameraOptions c = o.cameras().get(0);
        assertThat(c).isEqualTo(new CameraOptions("GW_BE1_0A1B2C3D4E5F", "", true, "", "auto", null, null, false));
        assertThat(c.qualityOverride()).isEmpty();
        assertThat(c.streamModeOverride()).isEmpty();
        assertThat(o.camera(CameraId.of("GW_BE1_0A1B2C3D4E5F"))).contains(c);
        assertThat(o.camera(CameraId.of("0A1B2C3D4E5F"))).contains(c);
        assertThat(o.camera(CameraId.of("GW_BE1_FFFFFFFFFFFF"))).isEmpty();
    }

    @Test
    void acceptsPortsAndEnumsWrittenAsText() {
        LoadedOptions loaded =
                OptionsLoader.parse("{\"rtsp_port\":\"9554\",\"quality\":\"SD\",\"stream_mode\":\" Always \"}");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.options().rtspPort()).isEqualTo(9554);
        assertThat(loaded.options().quality()).isEqualTo(Quality.SD);
        assertThat(loaded.options().streamMode()).isEqualTo(StreamMode.ALWAYS);
    }

    @Test
    void treatsNullAndBlankTextAsNotSet() {
        LoadedOptions loaded = OptionsLoader.parse(
                "{\"rtsp_port\":null,\"advertise_host\":\"  \",\"mqtt\":null,\"wyze\":null,\"cameras\":null}");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.options()).isEqualTo(Options.DEFAULT);
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                bad("{\"rtsp_port\":70000}", "rtsp_port: expected a port number 1-65535, got 70000"),
                bad("{\"rtsp_port\":0}", "rtsp_port: expected a port number 1-65535, got 0"),
                bad("{\"rtsp_port\":12345678901234}", "rtsp_port: expected a port number 1-65535, got 12345678901234"),
                bad("{\"rtsp_port\":8554.5}", "rtsp_port: expected a port number 1-65535, got 8554.5"),
                bad("{\"hls_port\":\"http\"}", "hls_port: expected a port number 1-65535, got \"http\""),
                bad("{\"hls_port\":-1}", "hls_port: expected a port number 1-65535, got -1"),
                bad("{\"hls_port\":8097}", "hls_port: expected a port other than 8097 (the add-on's page), got 8097"),
                bad("{\"rtsp_port\":8097}", "rtsp_port: expected a port other than 8097 (the add-on's page), got 8097"),
                bad(
                        "{\"rtsp_port\":9000,\"hls_port\":9000}",
                        "hls_port: expected a port other than rtsp_port (9000), got 9000"),
                bad("{\"stream_mode\":\"off\"}", "stream_mode: expected on_demand or always, got 'off'"),
                bad("{\"stream_mode\":[\"always\"]}", "stream_mode: expected on_demand or always, got a list"),
                bad("{\"quality\":\"4k\"}", "quality: expected hd or sd, got '4k'"),
                bad(
                        "{\"advertise_host\":\"http://192.168.1.10\"}",
                        "advertise_host: expected a host name or IP address without scheme or port, e.g. 192.168.1.10,"
                                + " got 'http://192.168.1.10'"),
                bad("{\"advertise_host\":{}}", "advertise_host: expected text, got an object"),
                bad(
                        "{\"p2p_server\":\"3.13.212.24\"}",
                        "p2p_server: expected host:port, e.g. 3.13.212.24:28800, got '3.13.212.24'"),
                bad(
                        "{\"p2p_server\":\"h:70000\"}",
                        "p2p_server: expected host:port, e.g. 3.13.212.24:28800, got 'h:70000'"),
                bad(
                        "{\"handshake_stagger_s\":601}",
                        "handshake_stagger_s: expected a whole number from 0 to 600, got 601"),
                bad(
                        "{\"handshake_stagger_s\":-1}",
                        "handshake_stagger_s: expected a whole number from 0 to 600, got -1"),
                bad("{\"deadman_s\":9}", "deadman_s: expected a whole number from 10 to 3600, got 9"),
                bad("{\"idle_timeout_s\":1.5}", "idle_timeout_s: expected a whole number from 10 to 3600, got 1.5"),
                bad(
                        "{\"snapshot_interval_min\":\"5\"}",
                        "snapshot_interval_min: expected a whole number from 0 to 1440, got \"5\""),
                bad(
                        "{\"web_allow\":\"192.168.1.0/24\"}",
                        "web_allow: expected comma-separated IP addresses, got '192.168.1.0/24'"),
                bad(
                        "{\"log_level\":\"verbose\"}",
                        "log_level: expected trace, debug, info, warn or error, got 'verbose'"),
                bad("{\"mqtt\":\"core-mosquitto\"}", "mqtt: expected an object, got string"),
                bad("{\"mqtt\":{\"port\":0}}", "mqtt.port: expected a port number 1-65535, got 0"),
                bad(
                        "{\"mqtt\":{\"host\":\"mqtt://broker:1883\"}}",
                        "mqtt.host: expected a host name or IP address without scheme or port, e.g. 192.168.1.10,"
                                + " got 'mqtt://broker:1883'"),
                bad("{\"mqtt\":{\"username\":[]}}", "mqtt.username: expected text, got a list"),
                bad(
                        "{\"mqtt\":{\"base_topic\":\"wyze/gw\"}}",
                        "mqtt.base_topic: expected letters, digits, '_' or '-' only, got 'wyze/gw'"),
                bad(
                        "{\"mqtt\":{\"discovery_prefix\":\"home assistant\"}}",
                        "mqtt.discovery_prefix: expected letters, digits, '_' or '-' only, got 'home assistant'"),
                bad("{\"wyze\":[]}", "wyze: expected an object with email, password, api_id, api_key, got a list"),
                bad("{\"wyze\":{\"email\":\"owner.example.com\"}}", "wyze.email: expected an e-mail address"),
                bad("{\"wyze\":{\"password\":12345678}}", "wyze.password: expected text"),
                bad("{\"wyze\":{\"api_key\":true}}", "wyze.api_key: expected text"),
                bad(
                        "{\"wyze\":{\"auth_url\":\"ftp://auth.example\"}}",
                        "wyze.auth_url: expected an http(s) URL, got 'ftp://auth.example'"),
                bad("{\"wyze\":{\"mars_url\":\"mars\"}}", "wyze.mars_url: expected an http(s) URL, got 'mars'"),
                bad(
                        "{\"wyze\":{\"fresh_token_per_session\":\"yes\"}}",
                        "wyze.fresh_token_per_session: expected true or false, got \"yes\""),
                bad("{\"cameras\":{}}", "cameras: expected a list, got an object"),
                bad("{\"cameras\":[5]}", "cameras[0]: expected an object with at least mac, got number"),
                bad(
                        "{\"cameras\":[{\"mac\":\"abc\"}]}",
                        "cameras[0].mac: expected a device id like GW_GC1_0A1B2C3D4E5F or a 12-digit MAC, got 'abc'"),
                bad(
                        "{\"cameras\":[{\"name\":\"front\"}]}",
                        "cameras[0].mac: expected a device id like GW_GC1_0A1B2C3D4E5F or a 12-digit MAC, got ''"),
                bad(
                        "{\"cameras\":[{\"mac\":\"AA:BB:CC:DD:EE:FF\"}]}",
                        "cameras[0].mac: expected a device id like GW_GC1_0A1B2C3D4E5F or a 12-digit MAC,"
                                + " got 'AA:BB:CC:DD:EE:FF'"),
                bad(
                        "{\"cameras\":[{\"mac\":\"0A1B2C3D4E5F\"},{\"mac\":\"GW_GC1_0A1B2C3D4E5F\"}]}",
                        "cameras[1].mac: expected a camera not already listed (it is cameras[0]),"
                                + " got 'GW_GC1_0A1B2C3D4E5F'"),
                bad(
                        "{\"cameras\":[{\"mac\":\"0A1B2C3D4E5F\",\"lan_ip\":\"192.168.1.256\"}]}",
                        "cameras[0].lan_ip: expected an IPv4 address like 192.168.1.50, got '192.168.1.256'"),
                bad(
                        "{\"cameras\":[{\"mac\":\"0A1B2C3D4E5F\",\"transport\":\"udp\"}]}",
                        "cameras[0].transport: expected auto, lan or relay, got 'udp'"),
                bad(
                        "{\"cameras\":[{\"mac\":\"0A1B2C3D4E5F\",\"quality\":\"uhd\"}]}",
                        "cameras[0].quality: expected hd or sd, got 'uhd'"),
                bad(
                        "{\"cameras\":[{\"mac\":\"0A1B2C3D4E5F\",\"stream_mode\":\"never\"}]}",
                        "cameras[0].stream_mode: expected on_demand, always or off, got 'never'"),
                bad(
                        "{\"cameras\":[{\"mac\":\"0A1B2C3D4E5F\",\"enabled\":\"no\"}]}",
                        "cameras[0].enabled: expected true or false, got \"no\""),
                bad(
                        "{\"cameras\":[{\"mac\":\"0A1B2C3D4E5F\"},{\"mac\":\"0A1B2C3D4E5\"}]}",
                        "cameras[1].mac: expected a device id like GW_GC1_0A1B2C3D4E5F or a 12-digit MAC,"
                                + " got '0A1B2C3D4E5'"));
    }

    private static Arguments bad(String json, String message) {
        return Arguments.of(json, message);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidValues")
    void eachInvalidValueGivesOneProblemNamingTheFieldAndTheExpectedForm(String json, String message) {
        LoadedOptions loaded = OptionsLoader.parse(json);
        assertThat(loaded.problems()).extracting(OptionsProblem::message).containsExactly(message);
        assertThat(loaded.valid()).isFalse();
    }

    @Test
    void anInvalidValueFallsBackToItsDefaultAndKeepsTheOtherFields() {
        LoadedOptions loaded = OptionsLoader.parse(
                "{\"rtsp_port\":70000,\"hls_port\":9999,\"quality\":\"4k\",\"mqtt\":{\"base_topic\":\"a/b\",\"port\":1884}}");
        Options o = loaded.options();
        assertThat(loaded.problems())
                .extracting(OptionsProblem::field)
                .containsExactly("rtsp_port", "quality", "mqtt.base_topic");
        assertThat(o.rtspPort()).isEqualTo(8554);
        assertThat(o.hlsPort()).isEqualTo(9999);
        assertThat(o.quality()).isEqualTo(Quality.HD);
        assertThat(o.mqtt().baseTopic()).isEqualTo("wyzegw");
        assertThat(o.mqtt().port()).isEqualTo(1884);
    }

    @Test
    void equalStreamPortsMoveHlsToADifferentDefault() {
        assertThat(OptionsLoader.parse("{\"rtsp_port\":8888}").options().hlsPort())
                .isEqualTo(8554);
        assertThat(OptionsLoader.parse("{\"hls_port\":8554}").options().hlsPort())
                .isEqualTo(8888);
        assertThat(OptionsLoader.parse("{\"rtsp_port\":9000,\"hls_port\":9000}")
                        .options()
                        .hlsPort())
                .isEqualTo(8888);
    }

    @Test
    void aBadCameraEntryIsSkippedAndTheOthersKept() {
        LoadedOptions loaded = OptionsLoader.parse(
                "{\"cameras\":[{\"mac\":\"x\"},{\"mac\":\"AABBCCDDEEFF\",\"transport\":\"udp\"},{\"mac\":\"112233445566\"}]}");
        assertThat(loaded.problems())
                .extracting(OptionsProblem::field)
                .containsExactly("cameras[0].mac", "cameras[1].transport");
        assertThat(loaded.options().cameras())
                .extracting(CameraOptions::mac)
                .containsExactly("AABBCCDDEEFF", "112233445566");
        assertThat(loaded.options().cameras().get(0).transport()).isEqualTo("auto");
    }

    @Test
    void secretsNeverAppearInProblemsAndAreRegisteredForRedaction() {
        String password = "problem-pw-55102";
        String mqttPassword = "problem-mqtt-pw-55103";
        String apiKey = "problem-key-55104";
        LoadedOptions loaded =
                OptionsLoader.parse("{\"wyze\":{\"email\":\"no-at-sign-55105\",\"password\":\"" + password
                        + "\",\"api_key\":\"" + apiKey + "\",\"totp_key\":{\"v\":\"" + password + "\"}},"
                        + "\"mqtt\":{\"password\":\"" + mqttPassword + "\",\"port\":\"" + "x" + "\"}}");
        assertThat(loaded.problems())
                .extracting(OptionsProblem::field)
                .containsExactly("wyze.email", "wyze.totp_key", "mqtt.port");
        for (OptionsProblem p : loaded.problems()) {
            assertThat(p.message()).doesNotContain(password, mqttPassword, apiKey, "no-at-sign-55105");
        }
        assertThat(Secrets.redact(password + " " + mqttPassword + " " + apiKey)).isEqualTo("*** *** ***");
        assertThat(loaded.options().wyze().toString()).doesNotContain(password, apiKey);
        assertThat(loaded.options().mqtt().toString())
                .doesNotContain(mqttPassword)
                .contains("password=<set>");
    }

    @Test
    void invalidJsonGivesOneProblemAndTheDefaults() {
        LoadedOptions loaded = OptionsLoader.parse("{\n  \"rtsp_port\": 8554,\n  oops\n}");
        assertThat(loaded.problems())
                .extracting(OptionsProblem::message)
                .containsExactly("options: expected a JSON object, got invalid JSON at line 3");
        assertThat(loaded.options()).isEqualTo(Options.DEFAULT);
    }

    @Test
    void trailingGarbageAfterTheObjectIsInvalidJson() {
        LoadedOptions loaded = OptionsLoader.parse("{\"rtsp_port\": 9554}\n}");
        assertThat(loaded.problems()).extracting(OptionsProblem::field).containsExactly("options");
        assertThat(loaded.options().rtspPort()).isEqualTo(8554);
    }

    @Test
    void aKeyGivenTwiceIsInvalidJsonRatherThanASilentPick() {
        LoadedOptions loaded = OptionsLoader.parse("{\"rtsp_port\": 9554, \"rtsp_port\": 9555}");
        assertThat(loaded.problems())
                .extracting(OptionsProblem::message)
                .containsExactly("options: expected a JSON object, got invalid JSON at line 1");
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsNamed() {
        assertThat(OptionsLoader.parse("[1,2]").problems())
                .extracting(OptionsProblem::message)
                .containsExactly("options: expected a JSON object, got a list");
        assertThat(OptionsLoader.parse("42").problems())
                .extracting(OptionsProblem::message)
                .containsExactly("options: expected a JSON object, got number");
    }

    @Test
    void anEmptyOrBlankFileGivesTheDefaultsWithoutProblems() throws IOException {
        Path empty = Files.writeString(dir.resolve("options.json"), "");
        assertThat(OptionsLoader.load(empty)).isEqualTo(new LoadedOptions(Options.DEFAULT, List.of()));
        Path blank = Files.writeString(dir.resolve("blank.json"), " \n\t\n");
        assertThat(OptionsLoader.load(blank)).isEqualTo(new LoadedOptions(Options.DEFAULT, List.of()));
    }

    @Test
    void aMissingFileGivesTheDefaultsWithoutProblems() {
        assertThat(OptionsLoader.load(dir.resolve("absent.json")))
                .isEqualTo(new LoadedOptions(Options.DEFAULT, List.of()));
    }

    @Test
    void anUnreadableFileIsAProblemNamingIt() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("options.json"));
        LoadedOptions loaded = OptionsLoader.load(folder);
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("options.json");
            assertThat(p.expected()).isEqualTo("a readable file");
        });
        assertThat(loaded.options()).isEqualTo(Options.DEFAULT);
    }

    @Test
    void loadsAFileFromDisk() throws IOException {
        Path file = Files.writeString(dir.resolve("options.json"), FULL);
        assertThat(OptionsLoader.load(file)).isEqualTo(OptionsLoader.parse(FULL));
    }

    @Test
    void aWellFormedHostIsAcceptedInEveryForm() {
        for (String host : List.of("core-mosquitto", "192.168.1.5", "mqtt.home.arpa", "fd00::1", "a")) {
            LoadedOptions loaded = OptionsLoader.parse("{\"mqtt\":{\"host\":\"" + host + "\"}}");
            assertThat(loaded.problems()).as(host).isEmpty();
            assertThat(loaded.options().mqtt().host()).isEqualTo(host);
        }
    }
}
