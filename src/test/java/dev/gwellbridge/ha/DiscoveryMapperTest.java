package dev.gwellbridge.ha;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.camera.Transport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryMapperTest {
    private final DiscoveryMapper mapper = new DiscoveryMapper(Cameras.SETTINGS);

    @Test
    void cameraConfigMatchesGoldenFileByteForByte() {
        Publication p = mapper.camera(Cameras.frontDoorStreaming());

        assertThat(p.topic()).isEqualTo("homeassistant/device/wyzegw_AABBCCDDEEFF/config");
        assertThat(p.retain()).isTrue();
        assertThat(p.qos()).isEqualTo(1);
        assertThat(p.text()).isEqualTo(Golden.canonical(Golden.resource("camera-front-door.json")));
    }

    @Test
    void bridgeConfigMatchesGoldenFileByteForByte() {
        Publication p = mapper.bridge();

        assertThat(p.topic()).isEqualTo("homeassistant/device/wyzegw_bridge/config");
        assertThat(p.retain()).isTrue();
        assertThat(p.qos()).isEqualTo(1);
        assertThat(p.text()).isEqualTo(Golden.canonical(Golden.resource("bridge.json")));
    }

    @Test
    void cameraWithoutFirmwareOrIngressSlugLeavesThoseKeysOut() {
        HaSettings bare = new HaSettings(new Topics("cams", "ha"), null, "", "");
        CameraInfo info = new CameraInfo(CameraId.of("GW_GC1_0A1B2C3D4E5F"), null, null, null, null, false);
        CameraState s = new CameraState(
                info,
                "gw_gc1_0a1b2c3d4e5f",
                CameraStatus.IDLE,
                null,
                null,
                false,
                false,
                true,
                Quality.HD,
                StreamMode.ON_DEMAND,
                Transport.NONE,
                CameraStats.EMPTY,
                Cameras.T0);

        Publication p = new DiscoveryMapper(bare).camera(s);

        assertThat(p.topic()).isEqualTo("ha/device/wyzegw_0A1B2C3D4E5F/config");
        assertThat(p.text()).isEqualTo(Golden.canonical(Golden.resource("camera-minimal.json")));
    }

    @Test
    void keysAreSortedAtEveryLevelSoRetainedPayloadsAreByteStable() {
        assertThat(Golden.keysSorted(mapper.camera(Cameras.frontDoorStreaming()).text()))
                .isTrue();
        assertThat(Golden.keysSorted(mapper.bridge().text())).isTrue();
        assertThat(Golden.keysSorted("{\"b\":1,\"a\":2}")).isFalse();
    }

    @Test
    void payloadDoesNotDependOnStreamingStateSoDiscoveryIsNotRepublishedOnEveryChange() {
        assertThat(mapper.camera(Cameras.frontDoorOffline())).isEqualTo(mapper.camera(Cameras.frontDoorStreaming()));
    }

    @Test
    void availabilityFollowsTheMatrix() {
        JsonNode config =
                Golden.tree(mapper.camera(Cameras.frontDoorStreaming()).text());
        List<String> bridgeOnly = List.of("wyzegw/bridge/availability");
        List<String> both = List.of("wyzegw/bridge/availability", "wyzegw/front_door/availability");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("online", bridgeOnly);
        expected.put("status", bridgeOnly);
        expected.put("activity", bridgeOnly);
        for (String k : List.of(
                "camera",
                "stream",
                "restart",
                "snapshot_now",
                "quality",
                "bitrate",
                "fps",
                "stream_since",
                "transport")) {
            expected.put(k, both);
        }

        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Iterator<String> it = config.get("components").fieldNames(); it.hasNext(); ) {
            String key = it.next();
            actual.put(key, effectiveAvailability(config, key));
        }

        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(config.get("availability_mode").asText()).isEqualTo("all");
    }

    @Test
    void noEntityUsesItsOwnStateTopicAsAvailability() {
        JsonNode config =
                Golden.tree(mapper.camera(Cameras.frontDoorStreaming()).text());
        for (Map.Entry<String, JsonNode> e : config.get("components").properties()) {
            if (e.getKey().equals("online")) {
                continue; // reads the camera's availability as its state, by design; availability is the bridge
            }
            JsonNode state = e.getValue().get("state_topic");
            if (state != null) {
                assertThat(effectiveAvailability(config, e.getKey()))
                        .as(e.getKey())
                        .doesNotContain(state.asText());
            }
        }
        assertThat(effectiveAvailability(config, "stream")).doesNotContain("wyzegw/front_door/stream/state");
    }

    @Test
    void bridgeRunningSensorHasNoAvailabilitySoItTurnsOffInsteadOfUnavailable() {
        JsonNode config = Golden.tree(mapper.bridge().text());

        assertThat(config.has("availability")).isFalse();
        assertThat(config.get("components").get("running").has("availability")).isFalse();
        assertThat(config.get("components").get("running").get("state_topic").asText())
                .isEqualTo("wyzegw/bridge/availability");
    }

    @Test
    void renamingACameraChangesOnlyTheDeviceName() {
        JsonNode before =
                Golden.tree(mapper.camera(Cameras.frontDoorStreaming()).text());
        JsonNode after = Golden.tree(mapper.camera(Cameras.renamed(Cameras.frontDoorStreaming(), "Porch"))
                .text());

        assertThat(after.get("device").get("name").asText()).isEqualTo("Porch");
        ((com.fasterxml.jackson.databind.node.ObjectNode) after.get("device")).put("name", "Front Door");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void everyIdIsKeyedOnTheMacAndUnique() {
        JsonNode config =
                Golden.tree(mapper.camera(Cameras.frontDoorStreaming()).text());
        List<String> ids = new ArrayList<>();
        config.get("components").forEach(c -> ids.add(c.get("unique_id").asText()));

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("wyzegw_AABBCCDDEEFF_"));
        assertThat(ids).noneMatch(id -> id.toLowerCase(java.util.Locale.ROOT).contains("front"));
        assertThat(config.get("device").get("identifiers").get(0).asText()).isEqualTo("wyzegw_AABBCCDDEEFF");
    }

    @Test
    void everyCommandTopicIsSubscribedAndEveryStateTopicIsOneWePublish() {
        List<String> subscriptions = Cameras.TOPICS.subscriptions();
        List<String> published = new ArrayList<>();
        for (CameraTopic t : CameraTopic.values()) {
            if (t.direction() == CameraTopic.Direction.OUT) {
                published.add(Cameras.TOPICS.camera("front_door", t));
            }
        }
        published.add(Cameras.TOPICS.bridgeAvailability());
        published.add(Cameras.TOPICS.bridgeState());

        for (JsonNode config : List.of(
                Golden.tree(mapper.camera(Cameras.frontDoorStreaming()).text()),
                Golden.tree(mapper.bridge().text()))) {
            config.get("components").forEach(c -> {
                if (c.has("command_topic")) {
                    String topic = c.get("command_topic").asText();
                    assertThat(subscriptions).anyMatch(f -> Golden.matches(f, topic));
                }
                for (String field : List.of("state_topic", "topic", "json_attributes_topic")) {
                    if (c.has(field)) {
                        assertThat(published).contains(c.get(field).asText());
                    }
                }
            });
        }
    }

    private static List<String> effectiveAvailability(JsonNode config, String component) {
        JsonNode own = config.get("components").get(component).get("availability");
        JsonNode list = own != null ? own : config.get("availability");
        List<String> topics = new ArrayList<>();
        list.forEach(a -> topics.add(a.get("topic").asText()));
        return topics;
    }
}
