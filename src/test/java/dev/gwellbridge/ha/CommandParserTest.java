package dev.gwellbridge.ha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.Quality;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandParserTest {
    private static final String CAM = "wyzegw/front_door/";
    private final CommandParser parser = new CommandParser(Cameras.TOPICS);

    static Stream<Arguments> cameraCommands() {
        return Stream.of(
                Arguments.of("stream/set", "ON", new CameraCommand.Start()),
                Arguments.of("stream/set", "on", new CameraCommand.Start()),
                Arguments.of("stream/set", " start\n", new CameraCommand.Start()),
                Arguments.of("stream/set", "START", new CameraCommand.Start()),
                Arguments.of("stream/set", "true", new CameraCommand.Start()),
                Arguments.of("stream/set", "True", new CameraCommand.Start()),
                Arguments.of("stream/set", "1", new CameraCommand.Start()),
                Arguments.of("stream/set", "OFF", new CameraCommand.Stop()),
                Arguments.of("stream/set", "off", new CameraCommand.Stop()),
                Arguments.of("stream/set", "Stop", new CameraCommand.Stop()),
                Arguments.of("stream/set", "FALSE", new CameraCommand.Stop()),
                Arguments.of("stream/set", "0", new CameraCommand.Stop()),
                Arguments.of("restart/set", "PRESS", new CameraCommand.Restart(false)),
                Arguments.of("restart/set", "force", new CameraCommand.Restart(true)),
                Arguments.of("restart/set", "FORCE", new CameraCommand.Restart(true)),
                Arguments.of("snapshot/set", "PRESS", new CameraCommand.Snapshot(false)),
                Arguments.of("snapshot/set", "wake", new CameraCommand.Snapshot(true)),
                Arguments.of("snapshot/set", "Wake ", new CameraCommand.Snapshot(true)),
                Arguments.of("quality/set", "hd", new CameraCommand.SetQuality(Quality.HD)),
                Arguments.of("quality/set", "SD", new CameraCommand.SetQuality(Quality.SD)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cameraCommands")
    void cameraCommandPayloadsParse(String path, String payload, CameraCommand expected) {
        Inbound in = parse(CAM + path, payload);

        assertThat(in).isEqualTo(new Inbound.CameraRequest(CAM + path, "front_door", expected));
    }

    static Stream<Arguments> invalidPayloads() {
        return Stream.of(
                Arguments.of("stream/set", "yes", "stream"),
                Arguments.of("stream/set", "2", "stream"),
                Arguments.of("stream/set", "ONN", "stream"),
                Arguments.of("quality/set", "4k", "quality"),
                Arguments.of("quality/set", "high", "quality"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidPayloads")
    void invalidPayloadsAreRefusedWithTheCommandName(String path, String payload, String command) {
        Inbound in = parse(CAM + path, payload);

        assertThat(in).isInstanceOf(Inbound.BadCameraRequest.class);
        Inbound.BadCameraRequest bad = (Inbound.BadCameraRequest) in;
        assertThat(bad.camera()).isEqualTo("front_door");
        assertThat(bad.command()).isEqualTo(command);
        assertThat(bad.reason()).isEqualTo("invalid_payload");
        assertThat(bad.message()).contains(payload);
    }

    @Test
    void commandTopicsAcceptTheMacInPlaceOfTheSlug() {
        Inbound in = parse("wyzegw/AABBCCDDEEFF/stream/set", "OFF");

        assertThat(in)
                .isEqualTo(new Inbound.CameraRequest(
                        "wyzegw/AABBCCDDEEFF/stream/set", "AABBCCDDEEFF", new CameraCommand.Stop()));
    }

    @Test
    void emptyPayloadsAreNeverCommandsBecauseTheyClearRetainedMessages() {
        assertThat(parse(CAM + "stream/set", "")).isInstanceOf(Inbound.Ignored.class);
        assertThat(parse(CAM + "restart/set", "  ")).isInstanceOf(Inbound.Ignored.class);
        assertThat(parse("wyzegw/bridge/request/announce", "")).isInstanceOf(Inbound.Ignored.class);
        assertThat(parse("homeassistant/status", "")).isInstanceOf(Inbound.Ignored.class);
    }

    @Test
    void stateAndUnrelatedTopicsAreIgnored() {
        assertThat(parse(CAM + "stream/state", "ON")).isInstanceOf(Inbound.Ignored.class);
        assertThat(parse(CAM + "snapshot", "x")).isInstanceOf(Inbound.Ignored.class);
        assertThat(parse("wyzegw/front_door", "ON")).isInstanceOf(Inbound.Ignored.class);
        assertThat(parse("other/front_door/stream/set", "ON")).isInstanceOf(Inbound.Ignored.class);
        assertThat(parse("wyzegw/bridge/stream/set", "ON")).isInstanceOf(Inbound.Ignored.class);
        assertThat(parse("wyzegw/bridge/request/a/b", "x")).isInstanceOf(Inbound.Ignored.class);
    }

    static Stream<Arguments> bridgeRequests() {
        return Stream.of(
                Arguments.of("refresh_cameras", "PRESS", BridgeAction.REFRESH_CAMERAS, null, Map.of()),
                Arguments.of("announce", "{}", BridgeAction.ANNOUNCE, null, Map.of()),
                Arguments.of("start_all", "{\"transaction\":\"t-1\"}", BridgeAction.START_ALL, "t-1", Map.of()),
                Arguments.of("stop_all", "{\"transaction\":42}", BridgeAction.STOP_ALL, "42", Map.of()),
                Arguments.of(
                        "restart_streams",
                        "{\"transaction\":\"x\",\"reason\":\"test\"}",
                        BridgeAction.RESTART_STREAMS,
                        "x",
                        Map.of("reason", "test")),
                Arguments.of("health_check", "{\"transaction\":{\"a\":1}}", BridgeAction.HEALTH_CHECK, null, Map.of()),
                Arguments.of("HEALTH_CHECK", "{not json", BridgeAction.HEALTH_CHECK, null, Map.of()),
                Arguments.of("reboot", "{\"transaction\":\"r\"}", null, "r", Map.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bridgeRequests")
    void bridgeRequestsReadTheTransactionFromAJsonBody(
            String action, String payload, BridgeAction expected, String transaction, Map<String, Object> params) {
        String topic = "wyzegw/bridge/request/" + action;

        Inbound in = parse(topic, payload);

        assertThat(in).isEqualTo(new Inbound.BridgeRequest(topic, action, expected, transaction, params));
    }

    @Test
    void homeAssistantBirthAndWill() {
        assertThat(parse("homeassistant/status", "online"))
                .isEqualTo(new Inbound.HaStatus("homeassistant/status", true));
        assertThat(parse("homeassistant/status", "offline"))
                .isEqualTo(new Inbound.HaStatus("homeassistant/status", false));
    }

    @Property
    void neverThrowsOnAnyTopicOrPayload(@ForAll String level, @ForAll String payload) {
        for (String topic : new String[] {
            "wyzegw/" + level + "/stream/set", "wyzegw/bridge/request/" + level, "wyzegw/" + level, level
        }) {
            assertThat(parser.parse(topic, payload.getBytes(StandardCharsets.UTF_8)))
                    .isNotNull();
        }
    }

    private Inbound parse(String topic, String payload) {
        return parser.parse(topic, payload.getBytes(StandardCharsets.UTF_8));
    }
}
