package dev.gwellbridge.ha;

import static dev.gwellbridge.ha.EntitySpec.Availability.BRIDGE;
import static dev.gwellbridge.ha.EntitySpec.Availability.NONE;

import java.util.List;

/**
 * The entity table of the bridge device. The bridge device has no shared availability: its
 * {@code running} sensor reads the LWT topic itself so it turns {@code off} rather than unavailable
 * when the bridge dies. Topic paths are relative to {@code <base>/bridge}.
 */
final class BridgeEntities {
    static final List<EntitySpec> ALL = List.of(
            EntitySpec.of("running", "binary_sensor", "Running", NONE)
                    .with("device_class", "connectivity")
                    .with("payload_on", "online")
                    .with("payload_off", "offline")
                    .topic("state_topic", "availability"),
            EntitySpec.of("streaming", "sensor", "Cameras streaming", BRIDGE)
                    .with("state_class", "measurement")
                    .with("value_template", "{{ value_json.cameras.streaming }}")
                    .topic("state_topic", "state"),
            EntitySpec.of("cloud_problem", "binary_sensor", "Wyze account problem", BRIDGE)
                    .with("device_class", "problem")
                    .with("value_template", "{{ 'OFF' if value_json.cloud.auth == 'ok' else 'ON' }}")
                    .topic("state_topic", "state"),
            EntitySpec.of("refresh", "button", "Refresh camera list", BRIDGE)
                    .with("entity_category", "config")
                    .topic("command_topic", "request/" + BridgeAction.REFRESH_CAMERAS.wire()));

    private BridgeEntities() {}
}
