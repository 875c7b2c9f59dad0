package dev.gwellbridge.ha;

import static dev.gwellbridge.ha.EntitySpec.Availability.BRIDGE;
import static dev.gwellbridge.ha.EntitySpec.Availability.DEVICE;

import dev.gwellbridge.camera.CameraStatus;
import java.util.Arrays;
import java.util.List;

/**
 * The entity table of a camera device: one row per discovery component. Reachability, status and
 * events list only the bridge's availability, so automations see {@code off}/{@code offline} when a
 * camera drops; controls, snapshot and stats need bridge and camera ({@code availability_mode:
 * all}). No control ever uses its own state as availability.
 */
final class CameraEntities {
    /** Every event type the {@code activity} event entity can fire. */
    static final List<String> EVENT_TYPES = List.of(
            "stream_started",
            "stream_stopped",
            "stream_failed",
            "went_offline",
            "came_online",
            "command_failed",
            "motion",
            "ring");

    /** The coarse transports the {@code transport} sensor shows. */
    static final List<String> TRANSPORTS = List.of("lan", "relay", "none");

    private static final String DIAGNOSTIC = "diagnostic";
    private static final String CONFIG = "config";
    private static final String MEASUREMENT = "measurement";
    private static final int STATS_EXPIRE_S = 120;

    static final List<EntitySpec> ALL = List.of(
            EntitySpec.of("camera", "camera", null, DEVICE)
                    .topic("topic", CameraTopic.SNAPSHOT.path())
                    .topic("json_attributes_topic", CameraTopic.INFO.path()),
            EntitySpec.of("online", "binary_sensor", "Online", BRIDGE)
                    .with("device_class", "connectivity")
                    .with("payload_on", "online")
                    .with("payload_off", "offline")
                    .topic("state_topic", CameraTopic.AVAILABILITY.path()),
            EntitySpec.of("status", "sensor", "Stream status", BRIDGE)
                    .with("device_class", "enum")
                    .with(
                            "options",
                            Arrays.stream(CameraStatus.values())
                                    .map(CameraStatus::wire)
                                    .toList())
                    .with("entity_category", DIAGNOSTIC)
                    .topic("state_topic", CameraTopic.STATUS.path()),
            EntitySpec.of("stream", "switch", "Stream", DEVICE)
                    .with("icon", "mdi:cctv")
                    .topic("state_topic", CameraTopic.STREAM_STATE.path())
                    .topic("command_topic", CameraTopic.STREAM_SET.path())
                    .topic("json_attributes_topic", CameraTopic.INFO.path()),
            EntitySpec.of("restart", "button", "Restart stream", DEVICE)
                    .with("device_class", "restart")
                    .with("entity_category", CONFIG)
                    .topic("command_topic", CameraTopic.RESTART_SET.path()),
            EntitySpec.of("snapshot_now", "button", "Take snapshot", DEVICE)
                    .with("icon", "mdi:camera")
                    .topic("command_topic", CameraTopic.SNAPSHOT_SET.path()),
            EntitySpec.of("quality", "select", "Quality", DEVICE)
                    .with("options", List.of("hd", "sd"))
                    .with("entity_category", CONFIG)
                    .topic("state_topic", CameraTopic.QUALITY_STATE.path())
                    .topic("command_topic", CameraTopic.QUALITY_SET.path()),
            EntitySpec.of("bitrate", "sensor", "Bitrate", DEVICE)
                    .with("device_class", "data_rate")
                    .with("unit_of_measurement", "kbit/s")
                    .with("state_class", MEASUREMENT)
                    .with("value_template", "{{ value_json.bitrate_kbps }}")
                    .with("expire_after", STATS_EXPIRE_S)
                    .with("entity_category", DIAGNOSTIC)
                    .topic("state_topic", CameraTopic.STATS.path()),
            EntitySpec.of("fps", "sensor", "Frame rate", DEVICE)
                    .with("unit_of_measurement", "fps")
                    .with("state_class", MEASUREMENT)
                    .with("value_template", "{{ value_json.fps }}")
                    .with("expire_after", STATS_EXPIRE_S)
                    .with("entity_category", DIAGNOSTIC)
                    .topic("state_topic", CameraTopic.STATS.path()),
            // A timestamp rather than an uptime counter, which would hit the recorder every 30 s.
            EntitySpec.of("stream_since", "sensor", "Streaming since", DEVICE)
                    .with("device_class", "timestamp")
                    .with("value_template", "{{ value_json.stream_since }}")
                    .with("enabled_by_default", false)
                    .with("entity_category", DIAGNOSTIC)
                    .topic("state_topic", CameraTopic.STATS.path()),
            EntitySpec.of("transport", "sensor", "Transport", DEVICE)
                    .with("device_class", "enum")
                    .with("options", TRANSPORTS)
                    .with("value_template", "{{ value_json.transport }}")
                    .with("entity_category", DIAGNOSTIC)
                    .topic("state_topic", CameraTopic.INFO.path()),
            EntitySpec.of("activity", "event", "Activity", BRIDGE)
                    .with("event_types", EVENT_TYPES)
                    .topic("state_topic", CameraTopic.EVENT.path()));

    private CameraEntities() {}
}
