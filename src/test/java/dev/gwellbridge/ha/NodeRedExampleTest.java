package dev.gwellbridge.ha;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.CameraCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The documented Node-RED flow is valid, importable and speaks the bridge's real topics. */
class NodeRedExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FLOW = Path.of("docs", "node-red-example.json");
    private static final Path DOCS = Path.of("DOCS.md");

    private static JsonNode flow;
    private static final Map<String, JsonNode> BY_ID = new HashMap<>();

    @BeforeAll
    static void readFlow() throws IOException {
        flow = JSON.readTree(Files.readString(FLOW, StandardCharsets.UTF_8));
        flow.forEach(n -> BY_ID.put(n.get("id").asText(), n));
    }

    @Test
    void flowIsAnArrayOfNodesWithUniqueIdsAndResolvableReferences() {
        assertThat(flow.isArray()).isTrue();
        assertThat(BY_ID).hasSize(flow.size());
        flow.forEach(n -> {
            assertThat(n.hasNonNull("type")).isTrue();
            if (n.has("z")) {
                assertThat(BY_ID.get(n.get("z").asText()).get("type").asText()).isEqualTo("tab");
            }
            if (n.get("type").asText().startsWith("mqtt ")) {
                assertThat(BY_ID.get(n.get("broker").asText()).get("type").asText())
                        .isEqualTo("mqtt-broker");
            }
            if (n.has("wires")) {
                n.get("wires")
                        .forEach(out -> out.forEach(target -> assertThat(BY_ID).containsKey(target.asText())));
            }
        });
    }

    @Test
    void injectAndMqttOutSendAStartTheBridgeUnderstands() {
        JsonNode out = only("mqtt out");
        JsonNode inject = only("inject");
        assertThat(inject.get("wires").get(0).get(0).asText())
                .isEqualTo(out.get("id").asText());
        assertThat(out.get("retain").asText()).isEqualTo("false");

        Inbound parsed = new CommandParser(Cameras.TOPICS)
                .parse(out.get("topic").asText(), inject.get("payload").asText().getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).isInstanceOf(Inbound.CameraRequest.class);
        assertThat(((Inbound.CameraRequest) parsed).command()).isEqualTo(new CameraCommand.Start());
    }

    @Test
    void mqttInListensToCameraEventsAndTheSwitchReactsToWentOffline() {
        JsonNode in = only("mqtt in");
        JsonNode sw = only("switch");

        assertThat(Golden.matches(in.get("topic").asText(), Cameras.TOPICS.camera("front_door", CameraTopic.EVENT)))
                .isTrue();
        assertThat(in.get("datatype").asText()).isEqualTo("json");
        assertThat(sw.get("property").asText()).isEqualTo("payload.event_type");
        assertThat(sw.get("rules").get(0).get("v").asText()).isEqualTo("went_offline");
        sw.get("rules")
                .forEach(r -> assertThat(CameraEntities.EVENT_TYPES)
                        .contains(r.get("v").asText()));
        assertThat(sw.get("outputs").asInt()).isEqualTo(sw.get("rules").size());
    }

    @Test
    void docsEmbedTheSameFlow() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("### Node-RED example.*?```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(docs);

        assertThat(m.find()).as("a json block under the Node-RED heading").isTrue();
        assertThat(JSON.readTree(m.group(1))).isEqualTo(flow);
    }

    @Test
    void docsNameEveryTopicAndRequest() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);

        for (CameraTopic t : CameraTopic.values()) {
            assertThat(docs).contains("`wyzegw/<cam>/" + t.path() + "`");
        }
        for (BridgeAction a : BridgeAction.values()) {
            assertThat(docs).contains("`" + a.wire() + "`");
        }
        for (String t : CameraEntities.EVENT_TYPES.subList(0, 6)) {
            assertThat(docs).contains("`" + t + "`");
        }
        for (String topic : new String[] {"availability", "state", "event", "request/<action>", "response/<action>"}) {
            assertThat(docs).contains("`wyzegw/bridge/" + topic + "`");
        }
    }

    private static JsonNode only(String type) {
        JsonNode found = null;
        for (JsonNode n : flow) {
            if (n.get("type").asText().equals(type)) {
                assertThat(found).as("one " + type + " node").isNull();
                found = n;
            }
        }
        assertThat(found).as(type).isNotNull();
        return found;
    }
}
