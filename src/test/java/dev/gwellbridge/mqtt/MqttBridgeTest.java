package dev.gwellbridge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamUrls;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.ha.Publication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttBridgeTest {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    static final CameraId CAM = CameraId.of("GW_BE1_AABBCCDDEEFF");
    static final String CONFIG = "homeassistant/device/wyzegw_AABBCCDDEEFF/config";
    static final String EVENT = "wyzegw/front_door/event";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    ManualScheduler sched;
    FakeCameraControl cams;
    FakeMqttPort port;
    CloudStatus cloud;
    MqttBridge bridge;

    @BeforeEach
    void setUp() {
        sched = new ManualScheduler(T0);
        cams = new FakeCameraControl(sched);
        port = new FakeMqttPort(sched);
        cloud = new CloudStatus("ok", "Logged in.", null, 3, "options");
    }

    MqttBridge newBridge() {
        MqttSettings settings = new MqttSettings(
                "broker.lan", 1883, "ha", "s3cret-pass", "wyzegw", "homeassistant", "3F2A9C1B-0000-4000-8000-1234", "");
        bridge = new MqttBridge(
                settings,
                cams,
                () -> new BridgeStatus(
                        "0.1.0",
                        T0,
                        0,
                        cloud,
                        bridge == null ? null : bridge.status(),
                        BridgeStatus.CameraCounts.of(cams.cameras()),
                        List.of()),
                slug -> new StreamUrls(
                        "rtsp://10.0.0.2:8554/" + slug, "http://10.0.0.2:8888/" + slug + "/index.m3u8", ""),
                dataDir,
                sched,
                new SplittableRandom(42),
                sched,
                MqttTimings.DEFAULT,
                port);
        return bridge;
    }

    /** Camera known, bridge started and connected, recorded calls cleared. */
    void connected() {
        cams.push(FakeCameraControl.frontDoor(T0));
        newBridge().start();
        sched.runDue();
        assertThat(port.connected()).isTrue();
        port.clear();
    }

    @Test
    void connectsWithLastWillAndStableClientIdAndNoPasswordInStatus() {
        connected();

        ConnectSpec spec = port.connects().get(0);
        assertThat(spec.clientId()).isEqualTo("wyzegw-3f2a9c1b");
        assertThat(spec.willTopic()).isEqualTo("wyzegw/bridge/availability");
        assertThat(spec.willPayload()).isEqualTo("offline");
        assertThat(spec.username()).isEqualTo("ha");
        assertThat(spec.toString()).doesNotContain("s3cret-pass");
        assertThat(bridge.status().connected()).isTrue();
        assertThat(bridge.status().broker()).isEqualTo("broker.lan:1883");
        assertThat(bridge.status().toString()).doesNotContain("s3cret-pass");
    }

    @Test
    void onConnectSubscribesThenAnnouncesOnlineThenStatesThenDiscovery() {
        cams.push(FakeCameraControl.frontDoor(T0));
        newBridge().start();
        sched.runDue();

        List<FakeMqttPort.Call> calls = port.calls();
        assertThat(calls.get(0).kind()).isEqualTo("connect");
        assertThat(calls.get(1).kind()).isEqualTo("subscribe");
        assertThat(calls.get(1).filters())
                .containsExactly(
                        "wyzegw/+/stream/set",
                        "wyzegw/+/restart/set",
                        "wyzegw/+/snapshot/set",
                        "wyzegw/+/quality/set",
                        "wyzegw/bridge/request/+",
                        "homeassistant/status");
        assertThat(port.published())
                .extracting(Publication::topic)
                .containsExactly(
                        "wyzegw/bridge/availability",
                        "wyzegw/front_door/availability",
                        "wyzegw/front_door/status",
                        "wyzegw/front_door/stream/state",
                        "wyzegw/front_door/quality/state",
                        "wyzegw/front_door/info",
                        "wyzegw/front_door/stats",
                        CONFIG,
                        "homeassistant/device/wyzegw_bridge/config",
                        "wyzegw/bridge/state");
        assertThat(port.published().get(0))
                .isEqualTo(Publication.text("wyzegw/bridge/availability", "online", true, 1));
        assertThat(port.published(CONFIG).get(0).retain()).isTrue();
        assertThat(port.published("wyzegw/bridge/event"))
                .as("no camera_added for cameras known at start")
                .isEmpty();
        assertThat(readDevicesFile()).isEqualTo("{\"wyzegw_AABBCCDDEEFF\":\"front_door\"}");
    }

    @Test
    void unchangedStateIsNotPublishedAgainAndAChangePublishesOnlyItsTopic() {
        connected();
        CameraState s = cams.state(CAM);

        cams.push(s);
        sched.runDue();
        assertThat(port.published()).isEmpty();

        cams.push(FakeStates.withQuality(s, Quality.SD));
        sched.runDue();
        assertThat(port.published())
                .containsExactly(Publication.text("wyzegw/front_door/quality/state", "sd", true, 1));
    }

    @Test
    void statsAreRepublishedEveryThirtySecondsOnlyWhileStreaming() {
        connected();
        sched.advance(Duration.ofSeconds(30));
        assertThat(port.published("wyzegw/front_door/stats")).isEmpty();

        port.deliver("wyzegw/front_door/stream/set", "ON", false);
        sched.runDue();
        assertThat(port.published("wyzegw/front_door/stats")).hasSize(1);
        port.clear();

        sched.advance(Duration.ofSeconds(29));
        assertThat(port.published("wyzegw/front_door/stats")).isEmpty();
        sched.advance(Duration.ofSeconds(31));
        assertThat(port.published("wyzegw/front_door/stats")).hasSize(2);
        assertThat(json(last("wyzegw/front_door/stats")).get("stream_since").asText())
                .isEqualTo("2026-01-02T03:04:35Z");
    }

    @Test
    void periodicStatsCarryTheLiveFiguresNotTheLastNotifiedOnes() {
        connected();
        port.deliver("wyzegw/front_door/stream/set", "ON", false);
        sched.runDue();
        CameraState streaming = cams.state(CAM);
        assertThat(streaming.status()).isEqualTo(CameraStatus.STREAMING);
        assertThat(json(last("wyzegw/front_door/stats")).get("bitrate_kbps").asDouble())
                .isEqualTo(1000.0);

        CameraStats live =
                new CameraStats(12.5, 1512.34, 0, 0.2, streaming.stats().streamSince(), 3_000_000, 0, 2);
        cams.refreshQuietly(FakeStates.withStats(streaming, live));
        port.clear();
        sched.advance(Duration.ofSeconds(30));

        JsonNode stats = json(last("wyzegw/front_door/stats"));
        assertThat(stats.get("bitrate_kbps").asDouble()).isEqualTo(1512.3);
        assertThat(stats.get("fps").asDouble()).isEqualTo(12.5);
        assertThat(stats.get("clients").asInt()).isEqualTo(2);
    }

    @Test
    void bridgeStateIsPublishedOnChangeAndEverySixtySeconds() {
        connected();

        port.deliver("wyzegw/front_door/stream/set", "ON", false);
        sched.runDue();
        assertThat(port.published("wyzegw/bridge/state")).hasSize(1);
        assertThat(json(last("wyzegw/bridge/state"))
                        .get("cameras")
                        .get("streaming")
                        .asInt())
                .isEqualTo(1);
        port.clear();

        sched.advance(Duration.ofSeconds(59));
        assertThat(port.published("wyzegw/bridge/state")).isEmpty();
        sched.advance(Duration.ofSeconds(1));
        assertThat(port.published("wyzegw/bridge/state")).hasSize(1);
        assertThat(json(last("wyzegw/bridge/state")).get("uptime_s").asLong()).isEqualTo(60);
    }

    @Test
    void homeAssistantBirthRepublishesDiscoveryAndStatesAfterARandomTwoToTenSeconds() {
        connected();

        port.deliver("homeassistant/status", "online", false);
        sched.advance(Duration.ofMillis(1999));
        assertThat(port.published()).isEmpty();
        long due = sched.nextDueInMillis();
        sched.advance(Duration.ofMillis(8001));

        assertThat(due).isBetween(1L, 8001L);
        assertThat(port.published())
                .extracting(Publication::topic)
                .contains(
                        "wyzegw/bridge/availability",
                        "wyzegw/front_door/availability",
                        "wyzegw/front_door/status",
                        CONFIG,
                        "homeassistant/device/wyzegw_bridge/config");
    }

    @Test
    void retainedBirthMessageDoesNotTriggerASecondRepublish() {
        connected();

        port.deliver("homeassistant/status", "online", true);
        port.deliver("homeassistant/status", "offline", false);
        sched.advance(Duration.ofSeconds(11));

        assertThat(port.published(CONFIG)).isEmpty();
    }

    @Test
    void retainedCommandIsIgnoredAndCleared() {
        connected();

        port.deliver("wyzegw/front_door/stream/set", "ON", true);
        port.deliver("wyzegw/bridge/request/start_all", "{}", true);
        sched.runDue();

        assertThat(cams.commands()).isEmpty();
        assertThat(cams.startAllCalls()).isZero();
        assertThat(port.published())
                .containsExactly(
                        Publication.clear("wyzegw/front_door/stream/set", 1),
                        Publication.clear("wyzegw/bridge/request/start_all", 1));
    }

    @Test
    void commandsReachTheCameraBySlugOrMacAndUpdateStateTopics() {
        connected();

        port.deliver("wyzegw/front_door/stream/set", "off", false);
        sched.runDue();
        port.deliver("wyzegw/AABBCCDDEEFF/quality/set", "SD", false);
        sched.runDue();
        port.deliver("wyzegw/front_door/snapshot/set", "wake", false);
        sched.runDue();

        assertThat(cams.commands())
                .containsExactly(
                        new FakeCameraControl.Received(CAM, new CameraCommand.Stop()),
                        new FakeCameraControl.Received(CAM, new CameraCommand.SetQuality(Quality.SD)),
                        new FakeCameraControl.Received(CAM, new CameraCommand.Snapshot(true)));
        assertThat(last("wyzegw/front_door/stream/state").text()).isEqualTo("OFF");
        assertThat(last("wyzegw/front_door/quality/state").text()).isEqualTo("sd");
        assertThat(port.published("wyzegw/front_door/status"))
                .as("status stayed idle")
                .isEmpty();
    }

    @Test
    void refusedCommandPublishesCommandFailedWithTheReason() {
        connected();
        cams.answer((id, c) -> CommandResult.refused("backoff", "The camera is backing off."));

        port.deliver("wyzegw/front_door/restart/set", "PRESS", false);
        sched.runDue();

        JsonNode e = json(last(EVENT));
        assertThat(e.get("event_type").asText()).isEqualTo("command_failed");
        assertThat(e.get("command").asText()).isEqualTo("restart");
        assertThat(e.get("reason").asText()).isEqualTo("backoff");
        assertThat(e.get("ts").asText()).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void failedFutureAndInvalidPayloadAlsoPublishCommandFailed() {
        connected();
        cams.answer((id, c) -> {
            throw new IllegalStateException("boom");
        });

        port.deliver("wyzegw/front_door/stream/set", "ON", false);
        port.deliver("wyzegw/front_door/quality/set", "4k", false);
        sched.runDue();

        assertThat(port.published(EVENT))
                .extracting(p -> json(p).get("command").asText() + ":"
                        + json(p).get("reason").asText())
                .containsExactlyInAnyOrder("stream:internal", "quality:invalid_payload");
    }

    @Test
    void commandForUnknownCameraIsReportedOnTheBridgeEventTopic() {
        connected();

        port.deliver("wyzegw/back_yard/stream/set", "ON", false);
        sched.runDue();

        assertThat(cams.commands()).isEmpty();
        JsonNode e = json(last("wyzegw/bridge/event"));
        assertThat(e.get("event_type").asText()).isEqualTo("command_failed");
        assertThat(e.get("camera").asText()).isEqualTo("back_yard");
        assertThat(e.get("reason").asText()).isEqualTo("unknown_camera");
    }

    @Test
    void burstOfStreamCommandsCollapsesToTheLastOne() {
        connected();

        port.deliver("wyzegw/front_door/stream/set", "OFF", false);
        sched.runDue();
        sched.advance(Duration.ofMillis(500));
        port.deliver("wyzegw/front_door/stream/set", "ON", false);
        port.deliver("wyzegw/front_door/stream/set", "OFF", false);
        port.deliver("wyzegw/front_door/stream/set", "ON", false);
        sched.runDue();
        assertThat(cams.commands()).hasSize(1);

        sched.advance(Duration.ofMillis(1500));

        assertThat(cams.commands())
                .extracting(FakeCameraControl.Received::command)
                .containsExactly(new CameraCommand.Stop(), new CameraCommand.Start());
    }

    @Test
    void burstEndingWhereItStartedRunsOnlyOnce() {
        connected();

        port.deliver("wyzegw/front_door/stream/set", "ON", false);
        port.deliver("wyzegw/front_door/stream/set", "OFF", false);
        port.deliver("wyzegw/front_door/stream/set", "ON", false);
        sched.advance(Duration.ofSeconds(3));

        assertThat(cams.commands())
                .extracting(FakeCameraControl.Received::command)
                .containsExactly(new CameraCommand.Start());
        assertThat(port.published(EVENT)).isEmpty();
    }

    @Test
    void atMostOneStartOrRestartPerCameraInTenSeconds() {
        connected();

        port.deliver("wyzegw/front_door/stream/set", "ON", false);
        sched.advance(Duration.ofSeconds(3));
        port.deliver("wyzegw/front_door/restart/set", "PRESS", false);
        sched.runDue();

        assertThat(cams.commands())
                .extracting(FakeCameraControl.Received::command)
                .containsExactly(new CameraCommand.Start());
        JsonNode e = json(last(EVENT));
        assertThat(e.get("command").asText()).isEqualTo("restart");
        assertThat(e.get("reason").asText()).isEqualTo("rate_limited");

        sched.advance(Duration.ofSeconds(8));
        port.deliver("wyzegw/front_door/restart/set", "PRESS", false);
        sched.runDue();
        assertThat(cams.commands())
                .extracting(FakeCameraControl.Received::command)
                .containsExactly(new CameraCommand.Start(), new CameraCommand.Restart(false));
    }

    @Test
    void wentOfflineIsPublishedOncePerOutage() {
        connected();
        CameraState online = cams.state(CAM);
        CameraState offline = FakeStates.unreachable(online, T0.plusSeconds(5));

        cams.push(offline);
        cams.emit(CAM, new CameraEvent.WentOffline(T0.plusSeconds(5), FailureReason.CAMERA_UNREACHABLE));
        cams.push(FakeStates.withMessage(offline, "still gone"));
        cams.emit(CAM, new CameraEvent.WentOffline(T0.plusSeconds(6), FailureReason.CAMERA_UNREACHABLE));
        sched.runDue();

        assertThat(last("wyzegw/front_door/availability").text()).isEqualTo("offline");
        assertThat(eventTypes()).containsExactly("went_offline");
        assertThat(json(last(EVENT)).get("reason").asText()).isEqualTo("camera_unreachable");

        cams.emit(CAM, new CameraEvent.CameOnline(T0.plusSeconds(9)));
        cams.push(online);
        cams.push(offline);
        sched.runDue();

        assertThat(eventTypes()).containsExactly("went_offline", "came_online", "went_offline");
    }

    @Test
    void otherEventsArePassedOnAsTheyCome() {
        connected();

        cams.emit(CAM, new CameraEvent.StreamStarted(T0, Transport.TCP_RELAY));
        cams.emit(CAM, new CameraEvent.StreamStarted(T0, Transport.TCP_RELAY));
        sched.runDue();

        assertThat(port.published(EVENT)).hasSize(2).allMatch(p -> !p.retain() && p.qos() == 1);
        assertThat(json(last(EVENT)).get("transport").asText()).isEqualTo("relay");
    }

    @Test
    void snapshotsArePublishedRetainedAtQosZero() {
        connected();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 9, 9, (byte) 0xFF, (byte) 0xD9};
        cams.storeSnapshot(CAM, jpeg);

        port.deliver("wyzegw/front_door/snapshot/set", "PRESS", false);
        sched.runDue();

        Publication p = last("wyzegw/front_door/snapshot");
        assertThat(p.payload()).isEqualTo(jpeg);
        assertThat(p.retain()).isTrue();
        assertThat(p.qos()).isZero();
    }

    @Test
    void removedCameraIsClearedAndForgotten() {
        connected();

        cams.remove(CAM);
        sched.runDue();

        assertThat(port.published())
                .filteredOn(Publication::retain)
                .containsExactly(
                        Publication.clear(CONFIG, 1),
                        Publication.clear("wyzegw/front_door/availability", 1),
                        Publication.clear("wyzegw/front_door/status", 1),
                        Publication.clear("wyzegw/front_door/stream/state", 1),
                        Publication.clear("wyzegw/front_door/snapshot", 0),
                        Publication.clear("wyzegw/front_door/quality/state", 1),
                        Publication.clear("wyzegw/front_door/info", 1),
                        Publication.clear("wyzegw/front_door/stats", 0),
                        last("wyzegw/bridge/state"));
        assertThat(json(last("wyzegw/bridge/event")).get("event_type").asText()).isEqualTo("camera_removed");
        assertThat(readDevicesFile()).isEqualTo("{}");
    }

    @Test
    void staleDevicesAreClearedAtStartOnceTheCameraListIsKnown() throws IOException {
        Files.writeString(
                dataDir.resolve("mqtt-devices.json"),
                "{\"wyzegw_111111111111\":\"old_cam\",\"wyzegw_AABBCCDDEEFF\":\"front_door\"}");
        cloud = new CloudStatus("pending", "Logging in.", null, 0, "options");
        connected();
        sched.runDue();

        assertThat(port.published("homeassistant/device/wyzegw_111111111111/config"))
                .isEmpty();

        cloud = new CloudStatus("ok", "Logged in.", null, 1, "options");
        sched.advance(Duration.ofSeconds(60));

        assertThat(port.published("homeassistant/device/wyzegw_111111111111/config"))
                .containsExactly(Publication.clear("homeassistant/device/wyzegw_111111111111/config", 1));
        assertThat(port.published("wyzegw/old_cam/availability"))
                .containsExactly(Publication.clear("wyzegw/old_cam/availability", 1));
        assertThat(port.published(CONFIG)).isEmpty();
        assertThat(readDevicesFile()).isEqualTo("{\"wyzegw_AABBCCDDEEFF\":\"front_door\"}");
    }

    @Test
    void corruptDevicesFileIsMovedAsideAndTheBridgeStillStarts() throws IOException {
        Files.writeString(dataDir.resolve("mqtt-devices.json"), "{not json");

        connected();

        assertThat(readDevicesFile()).isEqualTo("{\"wyzegw_AABBCCDDEEFF\":\"front_door\"}");
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("mqtt-devices.json.corrupt-"));
        }
    }

    @Test
    void reslugClearsTheOldTopicsButKeepsTheDevice() {
        connected();

        cams.push(FakeStates.withSlug(cams.state(CAM), "porch"));
        sched.runDue();

        assertThat(port.published("wyzegw/front_door/status"))
                .containsExactly(Publication.clear("wyzegw/front_door/status", 1));
        assertThat(port.published("wyzegw/porch/status")).hasSize(1);
        assertThat(port.published(CONFIG)).hasSize(1).allMatch(p -> p.payloadLength() > 0);
        assertThat(readDevicesFile()).isEqualTo("{\"wyzegw_AABBCCDDEEFF\":\"porch\"}");
    }

    @Test
    void lostConnectionReconnectsAfterBackoffAndRepublishesEverything() {
        connected();

        port.dropConnection();
        sched.runDue();
        assertThat(bridge.status().connected()).isFalse();
        assertThat(port.connects()).hasSize(1);

        sched.advance(Duration.ofMillis(999));
        assertThat(port.connects()).hasSize(1);
        sched.advance(Duration.ofMillis(1));

        assertThat(port.connects()).hasSize(2);
        assertThat(bridge.status().connected()).isTrue();
        assertThat(port.published())
                .extracting(Publication::topic)
                .contains("wyzegw/bridge/availability", "wyzegw/front_door/status", CONFIG);
    }

    @Test
    void refusedConnectsBackOffWithJitterUpToTheCap() {
        port.refuseNextConnects(9);
        newBridge().start();
        sched.advance(Duration.ofMinutes(10));

        List<Instant> times = port.connectTimes();
        assertThat(times).hasSize(10);
        long[] delays = new long[9];
        for (int i = 0; i < 9; i++) {
            delays[i] = Duration.between(times.get(i), times.get(i + 1)).toMillis();
        }
        assertThat(delays[0]).isEqualTo(1000);
        for (int i = 1; i < 9; i++) {
            assertThat(delays[i]).isBetween(1000L, Math.min(60_000L, 1000L << i));
        }
        assertThat(delays).as("jittered, not all at the cap").doesNotHaveDuplicates();
        assertThat(port.connected()).isTrue();
        assertThat(bridge.status().message()).isEqualTo("Connected.");
    }

    @Test
    void publishFailureCountsAsALostConnection() {
        connected();
        port.failPublishAfter(0);

        port.deliver("wyzegw/front_door/stream/set", "OFF", false);
        sched.runDue();
        assertThat(bridge.status().connected()).isFalse();

        sched.advance(Duration.ofSeconds(1));
        assertThat(bridge.status().connected()).isTrue();
        assertThat(last("wyzegw/front_door/stream/state").text()).isEqualTo("OFF");
    }

    @Test
    void bridgeRequestsAreAnsweredWithTheirTransaction() {
        connected();

        port.deliver("wyzegw/bridge/request/health_check", "{\"transaction\":\"h1\"}", false);
        port.deliver("wyzegw/bridge/request/start_all", "PRESS", false);
        port.deliver("wyzegw/bridge/request/restart_streams", "{\"transaction\":7}", false);
        port.deliver("wyzegw/bridge/request/reboot", "{\"transaction\":\"r\"}", false);
        port.deliver("wyzegw/bridge/request/refresh_cameras", "PRESS", false);
        sched.runDue();

        JsonNode health = json(last("wyzegw/bridge/response/health_check"));
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("transaction").asText()).isEqualTo("h1");
        assertThat(health.get("data").get("version").asText()).isEqualTo("0.1.0");
        assertThat(health.get("data").get("cameras").get("total").asInt()).isEqualTo(1);
        assertThat(health.get("data").get("mqtt").get("broker").asText()).isEqualTo("broker.lan:1883");
        assertThat(health.toString()).doesNotContain("s3cret-pass");

        assertThat(cams.startAllCalls()).isEqualTo(1);
        assertThat(json(last("wyzegw/bridge/response/start_all")).get("status").asText())
                .isEqualTo("ok");

        JsonNode restart = json(last("wyzegw/bridge/response/restart_streams"));
        assertThat(restart.get("status").asText()).isEqualTo("error");
        assertThat(restart.get("transaction").asText()).isEqualTo("7");
        assertThat(restart.get("data").get("reason").asText()).isEqualTo("rate_limited");

        JsonNode unknown = json(last("wyzegw/bridge/response/reboot"));
        assertThat(unknown.get("status").asText()).isEqualTo("error");
        assertThat(unknown.get("error").asText()).contains("refresh_cameras");

        assertThat(cams.refreshCalls()).isEqualTo(1);
        assertThat(port.published()).allMatch(p -> !p.topic().contains("/response/") || !p.retain());
    }

    @Test
    void announceRequestRepublishesEverything() {
        connected();

        port.deliver("wyzegw/bridge/request/announce", "{\"transaction\":\"a\"}", false);
        sched.runDue();

        assertThat(port.published())
                .extracting(Publication::topic)
                .containsSubsequence(
                        "wyzegw/bridge/availability",
                        "wyzegw/front_door/status",
                        CONFIG,
                        "homeassistant/device/wyzegw_bridge/config",
                        "wyzegw/bridge/response/announce");
    }

    @Test
    void stopPublishesOfflineThenDisconnectsAndUnregisters() {
        connected();

        CompletableFuture<Void> done = bridge.stop();
        assertThat(cams.listenerCount()).isZero();
        sched.runDue();

        assertThat(done).isDone();
        List<FakeMqttPort.Call> calls = port.calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).publication())
                .isEqualTo(Publication.text("wyzegw/bridge/availability", "offline", true, 1));
        assertThat(calls.get(1).kind()).isEqualTo("disconnect");
        assertThat(bridge.status().connected()).isFalse();

        sched.advance(Duration.ofMinutes(5));
        assertThat(port.connects()).hasSize(1);
    }

    @Test
    void camerasOfflineAtStartGetNoWentOfflineEvent() {
        CameraState offline = FakeStates.unreachable(FakeCameraControl.frontDoor(T0), T0);
        cams.push(offline);
        newBridge().start();
        sched.runDue();

        assertThat(port.published(EVENT)).isEmpty();
        assertThat(last("wyzegw/front_door/availability").text()).isEqualTo("offline");
    }

    @Test
    void secondCameraGetsItsOwnDevice() {
        connected();
        CameraInfo other = new CameraInfo(CameraId.of("GW_GC1_0A1B2C3D4E5F"), "Garage", "GW_GC1", "", "", true);
        CameraState garage = FakeStates.withInfo(cams.state(CAM), other, "garage");

        cams.push(garage);
        sched.runDue();

        assertThat(port.published("homeassistant/device/wyzegw_0A1B2C3D4E5F/config"))
                .hasSize(1);
        assertThat(json(last("wyzegw/bridge/state")).get("cameras").get("total").asInt())
                .isEqualTo(2);
        assertThat(last("wyzegw/garage/status").text()).isEqualTo(CameraStatus.IDLE.wire());
    }

    private List<String> eventTypes() {
        return port.published(EVENT).stream()
                .map(p -> json(p).get("event_type").asText())
                .toList();
    }

    private Publication last(String topic) {
        List<Publication> all = port.published(topic);
        assertThat(all).as("publications on " + topic).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static JsonNode json(Publication p) {
        try {
            return JSON.readTree(p.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readDevicesFile() {
        try {
            return Files.readString(dataDir.resolve("mqtt-devices.json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
