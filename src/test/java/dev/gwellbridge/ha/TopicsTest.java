package dev.gwellbridge.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.camera.CameraId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Topics topics = Cameras.TOPICS;

    @Test
    void bridgeAndCameraTopicsFollowTheScheme() {
        assertThat(topics.bridgeAvailability()).isEqualTo("wyzegw/bridge/availability");
        assertThat(topics.bridgeState()).isEqualTo("wyzegw/bridge/state");
        assertThat(topics.bridgeEvent()).isEqualTo("wyzegw/bridge/event");
        assertThat(topics.bridgeRequest("announce")).isEqualTo("wyzegw/bridge/request/announce");
        assertThat(topics.bridgeResponse("announce")).isEqualTo("wyzegw/bridge/response/announce");
        assertThat(topics.camera("front_door", CameraTopic.STREAM_SET)).isEqualTo("wyzegw/front_door/stream/set");
        assertThat(topics.haStatus()).isEqualTo("homeassistant/status");
        assertThat(topics.deviceConfig("wyzegw_X")).isEqualTo("homeassistant/device/wyzegw_X/config");
    }

    @Test
    void subscriptionsCoverCommandsRequestsAndHaStatusOnly() {
        assertThat(topics.subscriptions())
                .containsExactly(
                        "wyzegw/+/stream/set",
                        "wyzegw/+/restart/set",
                        "wyzegw/+/snapshot/set",
                        "wyzegw/+/quality/set",
                        "wyzegw/bridge/request/+",
                        "homeassistant/status");
    }

    @Test
    void retainAndQosFollowTheTopicTable() {
        assertThat(CameraTopic.retainedOutputs())
                .containsExactly(
                        CameraTopic.AVAILABILITY,
                        CameraTopic.STATUS,
                        CameraTopic.STREAM_STATE,
                        CameraTopic.SNAPSHOT,
                        CameraTopic.QUALITY_STATE,
                        CameraTopic.INFO,
                        CameraTopic.STATS);
        assertThat(CameraTopic.SNAPSHOT.qos()).isZero();
        assertThat(CameraTopic.STATS.qos()).isZero();
        assertThat(CameraTopic.EVENT.retained()).isFalse();
        assertThat(CameraTopic.commands()).allMatch(t -> !t.retained() && t.qos() == 1);
    }

    @Test
    void topicRootsMustBeSingleLevels() {
        assertThatThrownBy(() -> new Topics("wyze gw", "homeassistant"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base topic");
        assertThatThrownBy(() -> new Topics("wyzegw", "home/assistant"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discovery prefix");
        assertThatThrownBy(() -> new Topics("#", "homeassistant")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removedCameraClearsItsConfigAndEveryRetainedStateTopic() {
        List<Publication> clears = new CameraClear(topics).camera(CameraId.of("GW_BE1_AABBCCDDEEFF"), "front_door");

        assertThat(clears)
                .extracting(Publication::topic)
                .containsExactly(
                        "homeassistant/device/wyzegw_AABBCCDDEEFF/config",
                        "wyzegw/front_door/availability",
                        "wyzegw/front_door/status",
                        "wyzegw/front_door/stream/state",
                        "wyzegw/front_door/snapshot",
                        "wyzegw/front_door/quality/state",
                        "wyzegw/front_door/info",
                        "wyzegw/front_door/stats");
        assertThat(clears).allMatch(p -> p.retain() && p.payloadLength() == 0);
    }

    @Test
    void deviceWithoutKnownSlugClearsOnlyItsConfigAndTheBridgeLevelIsNeverCleared() {
        CameraClear clear = new CameraClear(topics);

        assertThat(clear.device("wyzegw_X", ""))
                .extracting(Publication::topic)
                .containsExactly("homeassistant/device/wyzegw_X/config");
        assertThat(clear.device("wyzegw_X", "bridge"))
                .extracting(Publication::topic)
                .containsExactly("homeassistant/device/wyzegw_X/config");
        assertThat(CameraClear.retainedCommand("wyzegw/a/stream/set"))
                .isEqualTo(Publication.clear("wyzegw/a/stream/set", 1));
    }

    @Test
    void idsDeriveFromTheMac() {
        CameraId id = CameraId.of("gw_gc1_0a1b2c3d4e5f");

        assertThat(HaIds.device(id)).isEqualTo("wyzegw_0A1B2C3D4E5F");
        assertThat(HaIds.unique(HaIds.device(id), "stream")).isEqualTo("wyzegw_0A1B2C3D4E5F_stream");
        assertThat(HaIds.colonMac(id)).contains("0a:1b:2c:3d:4e:5f");
        assertThat(HaIds.colonMac(CameraId.of("SOMEOTHERID"))).isEmpty();
    }
}
