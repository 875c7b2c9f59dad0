package dev.gwellbridge.config;

import static dev.gwellbridge.config.AddonFiles.list;
import static dev.gwellbridge.config.AddonFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.config.AddonFiles.Leaf;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code config.yaml} is the options contract: it must agree with the code that reads the options
 * ({@link OptionsLoader}), the constants the add-on is wired with, the Maven version, and the
 * documentation ({@code DOCS.md}, {@code translations/en.yaml}).
 */
class ConfigYamlConsistencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern HA_TYPE = Pattern.compile(
            "(str|bool|email|url|password|port|int(\\((-?\\d*),(-?\\d*)\\))?|float(\\([-\\d.]*,[-\\d.]*\\))?"
                    + "|match\\((.+)\\)|list\\(([^|()]+(\\|[^|()]+)*)\\))\\??");
    private static final Pattern INT_RANGE = Pattern.compile("int\\((-?\\d+),(-?\\d+)\\)");

    /** Valid values for text fields whose format the type alone does not tell. */
    private static final Map<String, List<String>> SAMPLES = Map.of(
            "p2p_server", List.of("3.13.212.24:28800"),
            "web_allow", List.of("192.168.1.20, 192.168.1.21"),
            "advertise_host", List.of("192.168.1.10", "ha.home.arpa"),
            "mqtt.host", List.of("192.168.1.5", "core-mosquitto"),
            "cameras[].lan_ip", List.of("192.168.1.50"),
            "cameras[].mac", List.of("GW_GC1_0A1B2C3D4E5F", "0A1B2C3D4E5F"),
            "mqtt.base_topic", List.of("gw_bridge-2"),
            "mqtt.discovery_prefix", List.of("ha-test"));

    private final Map<String, Object> config = AddonFiles.config();

    @Test
    void everyOptionHasASchemaEntryAndTheSchemaHasNoStrayBlocks() {
        Map<String, Object> schema = map(config.get("schema"));
        map(config.get("options")).forEach((k, v) -> {
            assertThat(schema).as("schema for option " + k).containsKey(k);
            if (v instanceof Map<?, ?> m) {
                assertThat(map(schema.get(k)))
                        .as(k)
                        .containsKeys(map(m).keySet().toArray(String[]::new));
            } else if (v instanceof List<?>) {
                assertThat(schema.get(k)).as(k + " is a list in both").isInstanceOf(List.class);
            }
        });
        assertThat(AddonFiles.schemaLeaves()).extracting(Leaf::path).doesNotHaveDuplicates();
    }

    @Test
    void requiredSchemaEntriesHaveADefaultInOptions() {
        Map<String, String> defaults = AddonFiles.optionDefaults();
        for (Leaf leaf : AddonFiles.schemaLeaves()) {
            if (!leaf.optional() && !leaf.inCamera()) {
                assertThat(defaults).as("default for required " + leaf.path()).containsKey(leaf.path());
            }
        }
    }

    @Test
    void schemaTypesAreHomeAssistantTypes() {
        for (Leaf leaf : AddonFiles.schemaLeaves()) {
            Matcher m = HA_TYPE.matcher(leaf.type());
            assertThat(m.matches()).as(leaf.path() + ": " + leaf.type()).isTrue();
            if (leaf.bareType().startsWith("match(")) {
                assertThat(Pattern.compile(m.group(6))).as(leaf.path()).isNotNull();
            }
        }
    }

    @Test
    void everyDefaultSatisfiesItsSchemaType() {
        Map<String, String> types = leafTypes();
        AddonFiles.optionDefaults().forEach((path, value) -> {
            assertThat(satisfies(types.get(path), value))
                    .as(path + " default " + value + " against " + types.get(path))
                    .isTrue();
        });
    }

    @Test
    void theOptionDefaultsAreTheLoadersDefaults() throws IOException {
        LoadedOptions loaded = OptionsLoader.parse(JSON.writeValueAsString(config.get("options")));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.options()).isEqualTo(Options.DEFAULT);
        assertThat(Options.DEFAULT.rtspPort()).isEqualTo(Ports.DEFAULT_RTSP_PORT);
        assertThat(Options.DEFAULT.hlsPort()).isEqualTo(Ports.DEFAULT_HLS_PORT);
    }

    @Test
    void theLoaderReadsEverySchemaKey() throws IOException {
        for (Leaf leaf : AddonFiles.schemaLeaves()) {
            Options without = OptionsLoader.parse(json(baseline(leaf))).options();
            List<Options> withValid = new ArrayList<>();
            for (JsonNode value : validValues(leaf)) {
                LoadedOptions loaded = OptionsLoader.parse(json(with(leaf, value)));
                assertThat(loaded.problems()).as(leaf.path() + " = " + value).isEmpty();
                withValid.add(loaded.options());
            }
            assertThat(withValid)
                    .as("some valid " + leaf.path() + " changes the loaded options")
                    .anySatisfy(o -> assertThat(o).isNotEqualTo(without));
        }
    }

    @Test
    void theLoaderNamesEverySchemaKeyWhenItsValueIsWrong() throws IOException {
        for (Leaf leaf : AddonFiles.schemaLeaves()) {
            List<JsonNode> wrong = new ArrayList<>(invalidValues(leaf));
            wrong.add(NODES.objectNode().put("unexpected", 1));
            for (JsonNode value : wrong) {
                LoadedOptions loaded = OptionsLoader.parse(json(with(leaf, value)));
                assertThat(loaded.problems())
                        .as(leaf.path() + " = " + value)
                        .extracting(OptionsProblem::field)
                        .containsExactly(leaf.problemField());
            }
        }
    }

    @Test
    void everySchemaKeySetAtOnceLoadsWithoutProblems() throws IOException {
        ObjectNode doc = NODES.objectNode();
        ObjectNode camera = doc.putArray("cameras").addObject();
        for (Leaf leaf : AddonFiles.schemaLeaves()) {
            List<JsonNode> values = validValues(leaf);
            // The two stream ports must differ: take the other end of the range for one of them.
            JsonNode value = values.get(leaf.path().equals("hls_port") ? values.size() - 1 : 0);
            if (leaf.inCamera()) {
                camera.set(leaf.key(), value);
            } else if (leaf.path().contains(".")) {
                doc.withObjectProperty(leaf.path().substring(0, leaf.path().indexOf('.')))
                        .set(leaf.key(), value);
            } else {
                doc.set(leaf.path(), value);
            }
        }
        LoadedOptions loaded = OptionsLoader.parse(json(doc));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.options().cameras()).hasSize(1);
    }

    @Test
    void theCameraIdRuleIsTheLoadersRule() {
        String type = leafTypes().get("cameras[].mac");
        assertThat(type).isEqualTo("match(^" + CameraOptionsReader.CAMERA_KEY.pattern() + "$)");
    }

    @Test
    void ingressAndWatchdogUseTheWebPort() {
        assertThat(config.get("ingress")).isEqualTo("true");
        assertThat(config.get("ingress_port")).isEqualTo(Integer.toString(Ports.WEB_PORT));
        assertThat(config.get("watchdog")).isEqualTo("http://[HOST]:[PORT:" + Ports.WEB_PORT + "]/healthz");
    }

    @Test
    void theVersionIsTheMavenVersion() throws IOException {
        assertThat(config.get("version")).isEqualTo(mavenVersion());
    }

    @Test
    void theAddOnRunsOnTheHostNetworkWithMqttAndSupervisorAccess() {
        assertThat(list(config.get("arch"))).containsExactly("amd64", "aarch64");
        assertThat(config.get("host_network")).isEqualTo("true");
        assertThat(config.get("hassio_api")).isEqualTo("true");
        assertThat(list(config.get("services"))).contains("mqtt:want");
        assertThat(config).doesNotContainKey("ports");
        assertThat((String) config.get("slug")).matches("[a-z0-9_]+");
        // The image is a plain JRE without s6-overlay, so Docker's init must stay on.
        assertThat(config.get("init")).isEqualTo("true");
    }

    @Test
    void backupsLeaveOutTheBulkyMediaFiles() {
        assertThat(list(config.get("backup_exclude"))).contains(DataDir.HLS + "/*", "*.jpg");
    }

    @Test
    void everySchemaKeyIsDocumentedWithItsDefaultAndRange() {
        String docs = AddonFiles.read("DOCS.md");
        assertThat(docs).contains("## Installation", "## Configuration", "## Networking", "## Troubleshooting");
        Map<String, String> defaults = AddonFiles.optionDefaults();
        for (Leaf leaf : AddonFiles.schemaLeaves()) {
            String row = docs.lines()
                    .filter(l -> l.startsWith("| `" + leaf.path() + "` |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("DOCS.md has no row for " + leaf.path()));
            if (defaults.containsKey(leaf.path())) {
                assertThat(row).as(leaf.path()).contains("| `" + defaults.get(leaf.path()) + "` |");
            }
            Matcher range = INT_RANGE.matcher(leaf.bareType());
            if (range.matches()) {
                assertThat(row).as(leaf.path()).contains(range.group(1) + "–" + range.group(2));
            }
        }
    }

    @Test
    void everySchemaKeyHasANameAndDescriptionInTheTranslation() {
        Map<String, Object> configuration =
                map(AddonFiles.yaml("translations/en.yaml").get("configuration"));
        Map<String, Object> schema = map(config.get("schema"));
        assertThat(configuration.keySet()).containsExactlyInAnyOrderElementsOf(schema.keySet());
        schema.forEach((k, v) -> {
            Map<String, Object> entry = map(configuration.get(k));
            assertNamed(k, entry);
            if (!(v instanceof String)) {
                Map<String, Object> subSchema = v instanceof List<?> l ? map(l.get(0)) : map(v);
                Map<String, Object> fields = map(entry.get("fields"));
                assertThat(fields).as(k + ".fields").isNotNull();
                assertThat(fields.keySet()).as(k + ".fields").containsExactlyInAnyOrderElementsOf(subSchema.keySet());
                fields.forEach((sub, f) -> assertNamed(k + "." + sub, map(f)));
            }
        });
    }

    private static void assertNamed(String what, Map<String, Object> entry) {
        assertThat(entry).as(what).isNotNull();
        assertThat((String) entry.get("name")).as(what + " name").isNotBlank();
        assertThat((String) entry.get("description")).as(what + " description").isNotBlank();
    }

    static String mavenVersion() throws IOException {
        try (InputStream in =
                ConfigYamlConsistencyTest.class.getResourceAsStream("/dev/gwellbridge/app/version.properties")) {
            assertThat(in).as("filtered version.properties").isNotNull();
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            assertThat(v).doesNotContain("${");
            return v;
        }
    }

    private Map<String, String> leafTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        AddonFiles.schemaLeaves().forEach(l -> out.put(l.path(), l.type()));
        return out;
    }

    /** Values the schema type allows, chosen to include ones that differ from any default. */
    private static List<JsonNode> validValues(Leaf leaf) {
        String t = leaf.bareType();
        if (SAMPLES.containsKey(leaf.path())) {
            return SAMPLES.get(leaf.path()).stream()
                    .map(s -> (JsonNode) NODES.textNode(s))
                    .toList();
        }
        Matcher range = INT_RANGE.matcher(t);
        if (range.matches()) {
            return List.of(
                    NODES.numberNode(Integer.parseInt(range.group(1))),
                    NODES.numberNode(Integer.parseInt(range.group(2))));
        }
        if (t.startsWith("list(")) {
            return Arrays.stream(t.substring(5, t.length() - 1).split("\\|"))
                    .map(s -> (JsonNode) NODES.textNode(s))
                    .toList();
        }
        return switch (t) {
            case "bool" -> List.of(NODES.booleanNode(true), NODES.booleanNode(false));
            case "port" -> List.of(NODES.numberNode(1), NODES.numberNode(65535));
            case "email" -> List.of(NODES.textNode("owner@example.com"));
            case "url" -> List.of(NODES.textNode("https://example.test/api"));
            case "password" -> List.of(NODES.textNode("consistency-secret-" + leaf.key()));
            case "str" -> List.of(NODES.textNode("Sample Text"));
            default -> throw new AssertionError(leaf.path() + ": no sample for type " + t);
        };
    }

    /** Values of the right JSON shape that the schema type forbids. */
    private static List<JsonNode> invalidValues(Leaf leaf) {
        String t = leaf.bareType();
        Matcher range = INT_RANGE.matcher(t);
        if (range.matches()) {
            return List.of(
                    NODES.numberNode(Integer.parseInt(range.group(1)) - 1),
                    NODES.numberNode(Integer.parseInt(range.group(2)) + 1));
        }
        if (t.startsWith("list(") || t.startsWith("match(")) {
            return List.of(NODES.textNode("not/valid here"));
        }
        return switch (t) {
            case "bool" -> List.of(NODES.textNode("yes"));
            case "port" -> List.of(NODES.numberNode(0), NODES.numberNode(65536));
            case "email" -> List.of(NODES.textNode("owner.example.com"));
            case "url" -> List.of(NODES.textNode("not a url"));
            default -> List.of();
        };
    }

    /** Whether a default from {@code options} is allowed by its type. */
    private static boolean satisfies(String type, String value) {
        Leaf leaf = new Leaf("x", type);
        String t = leaf.bareType();
        if (t.startsWith("match(")) {
            return Pattern.compile(t.substring(6, t.length() - 1))
                    .matcher(value)
                    .matches();
        }
        if (t.startsWith("list(")) {
            return List.of(t.substring(5, t.length() - 1).split("\\|")).contains(value);
        }
        if (t.equals("port")) {
            int p = Integer.parseInt(value);
            return p >= 1 && p <= 65535;
        }
        return !t.equals("bool") || value.equals("true") || value.equals("false");
    }

    private static ObjectNode baseline(Leaf leaf) {
        ObjectNode doc = NODES.objectNode();
        if (leaf.inCamera() && !leaf.key().equals("mac")) {
            doc.putArray("cameras").addObject().put("mac", "0A1B2C3D4E5F");
        }
        return doc;
    }

    private static ObjectNode with(Leaf leaf, JsonNode value) {
        ObjectNode doc = baseline(leaf);
        if (leaf.inCamera()) {
            ObjectNode camera = doc.has("cameras")
                    ? (ObjectNode) doc.get("cameras").get(0)
                    : doc.putArray("cameras").addObject();
            camera.set(leaf.key(), value);
        } else if (leaf.path().contains(".")) {
            doc.withObjectProperty(leaf.path().substring(0, leaf.path().indexOf('.')))
                    .set(leaf.key(), value);
        } else {
            doc.set(leaf.path(), value);
        }
        return doc;
    }

    private static String json(JsonNode doc) throws IOException {
        return JSON.writeValueAsString(doc);
    }
}
