package dev.gwellbridge.ha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Transport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMapperTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.999Z");
    private final EventMapper mapper = new EventMapper(Cameras.TOPICS);

    @Test
    void everyEventTypeHasItsFields() {
        Map<CameraEvent, String> expected = Map.of(
                new CameraEvent.StreamStarted(AT, Transport.TCP_RELAY),
                "{\"event_type\":\"stream_started\",\"transport\":\"relay\",\"ts\":\"2026-01-02T03:04:05Z\"}",
                new CameraEvent.StreamStopped(AT, "idle"),
                "{\"cause\":\"idle\",\"event_type\":\"stream_stopped\",\"ts\":\"2026-01-02T03:04:05Z\"}",
                new CameraEvent.StreamFailed(AT, FailureReason.RELAY_ONLY, "no LAN path"),
                "{\"detail\":\"no LAN path\",\"event_type\":\"stream_failed\",\"reason\":\"relay_only\","
                        + "\"ts\":\"2026-01-02T03:04:05Z\"}",
                new CameraEvent.WentOffline(AT, FailureReason.CAMERA_UNREACHABLE),
                "{\"event_type\":\"went_offline\",\"reason\":\"camera_unreachable\",\"ts\":\"2026-01-02T03:04:05Z\"}",
                new CameraEvent.WentOffline(AT, null),
                "{\"event_type\":\"went_offline\",\"reason\":null,\"ts\":\"2026-01-02T03:04:05Z\"}",
                new CameraEvent.CameOnline(AT),
                "{\"event_type\":\"came_online\",\"ts\":\"2026-01-02T03:04:05Z\"}",
                new CameraEvent.CommandFailed(AT, "stream", "rate_limited"),
                "{\"command\":\"stream\",\"event_type\":\"command_failed\",\"reason\":\"rate_limited\","
                        + "\"ts\":\"2026-01-02T03:04:05Z\"}");

        expected.forEach((event, json) -> {
            Publication p = mapper.event("front_door", event);
            assertThat(p.topic()).isEqualTo("wyzegw/front_door/event");
            assertThat(p.retain()).isFalse();
            assertThat(p.qos()).isEqualTo(1);
            assertThat(p.text()).as(event.type()).isEqualTo(json);
        });
    }

    @Test
    void everyPublishedEventTypeIsDeclaredOnTheEventEntity() {
        List<CameraEvent> all = List.of(
                new CameraEvent.StreamStarted(AT, Transport.LAN_UDP),
                new CameraEvent.StreamStopped(AT, "x"),
                new CameraEvent.StreamFailed(AT, FailureReason.AUTH, ""),
                new CameraEvent.WentOffline(AT, null),
                new CameraEvent.CameOnline(AT),
                new CameraEvent.CommandFailed(AT, "stream", "x"));

        assertThat(all).extracting(CameraEvent::type).allMatch(CameraEntities.EVENT_TYPES::contains);
    }

    @Test
    void bridgeEventsGoToTheBridgeTopic() {
        Publication p = mapper.bridgeEvent("camera_removed", AT, Map.of("camera", "front_door"));

        assertThat(p.topic()).isEqualTo("wyzegw/bridge/event");
        assertThat(p.retain()).isFalse();
        assertThat(p.text())
                .isEqualTo(
                        "{\"camera\":\"front_door\",\"event_type\":\"camera_removed\",\"ts\":\"2026-01-02T03:04:05Z\"}");
    }
}
