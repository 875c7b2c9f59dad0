package dev.gwellbridge.ha;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CameraState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Device-based discovery: one retained QoS-1 config per camera ({@code
 * <prefix>/device/wyzegw_<MAC>/config}) and one for the bridge ({@code .../wyzegw_bridge/config}),
 * built from the entity tables. Pure; the JSON has sorted keys.
 */
public final class DiscoveryMapper {
    /** {@code origin.name}: routes HA's warnings about bad payloads to this project. */
    public static final String ORIGIN_NAME = "wyze-gwell-bridge";

    static final String BRIDGE_NAME = "Wyze GWell Bridge";
    private static final String BRIDGE_ENTITY_SLUG = "wyze_gwell_bridge";
    private static final String WYZE_PREFIX = "Wyze ";
    private static final int QOS = 1;

    private final HaSettings settings;
    private final Topics topics;

    public DiscoveryMapper(HaSettings settings) {
        this.settings = settings;
        this.topics = settings.topics();
    }

    /** The config topic of a camera's device. */
    public String cameraConfigTopic(CameraId id) {
        return topics.deviceConfig(HaIds.device(id));
    }

    /** The config topic of the bridge's device. */
    public String bridgeConfigTopic() {
        return topics.deviceConfig(HaIds.BRIDGE_DEVICE);
    }

    /** The retained discovery config of one camera. */
    public Publication camera(CameraState state) {
        CameraInfo info = state.info();
        String deviceId = HaIds.device(info.id());
        String root = topics.cameraRoot(state.slug());

        Map<String, Object> device = new LinkedHashMap<>();
        device.put("identifiers", List.of(deviceId));
        HaIds.colonMac(info.id()).ifPresent(mac -> device.put("connections", List.of(List.of("mac", mac))));
        device.put("name", info.name());
        device.put("manufacturer", "Wyze");
        device.put("model", productModel(info));
        device.put("model_id", info.modelId());
        if (!info.firmware().isEmpty()) {
            device.put("sw_version", info.firmware());
        }
        device.put("via_device", HaIds.BRIDGE_DEVICE);
        settings.configurationUrl().ifPresent(url -> device.put("configuration_url", url));

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("device", device);
        config.put("origin", origin());
        config.put(
                "availability",
                List.of(
                        availability(topics.bridgeAvailability()),
                        availability(topics.camera(state.slug(), CameraTopic.AVAILABILITY))));
        config.put("availability_mode", "all");
        config.put("qos", QOS);
        config.put("components", components(CameraEntities.ALL, deviceId, root, state.slug()));
        return new Publication(topics.deviceConfig(deviceId), HaJson.bytes(config), true, QOS);
    }

    /** The retained discovery config of the bridge device. */
    public Publication bridge() {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("identifiers", List.of(HaIds.BRIDGE_DEVICE));
        device.put("name", BRIDGE_NAME);
        device.put("manufacturer", ORIGIN_NAME);
        device.put("model", "Home Assistant add-on");
        device.put("sw_version", settings.version());
        settings.configurationUrl().ifPresent(url -> device.put("configuration_url", url));

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("device", device);
        config.put("origin", origin());
        config.put("qos", QOS);
        String root = topics.base() + "/" + Topics.BRIDGE;
        config.put("components", components(BridgeEntities.ALL, HaIds.BRIDGE_DEVICE, root, BRIDGE_ENTITY_SLUG));
        return new Publication(bridgeConfigTopic(), HaJson.bytes(config), true, QOS);
    }

    private Map<String, Object> origin() {
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("name", ORIGIN_NAME);
        origin.put("sw_version", settings.version());
        if (!settings.supportUrl().isEmpty()) {
            origin.put("support_url", settings.supportUrl());
        }
        return origin;
    }

    private Map<String, Object> components(List<EntitySpec> specs, String deviceId, String root, String entitySlug) {
        Map<String, Object> components = new LinkedHashMap<>();
        for (EntitySpec spec : specs) {
            components.put(spec.key(), component(spec, deviceId, root, entitySlug));
        }
        return components;
    }

    private Map<String, Object> component(EntitySpec spec, String deviceId, String root, String entitySlug) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("platform", spec.platform());
        c.put("unique_id", HaIds.unique(deviceId, spec.key()));
        // name null is meaningful (the device's main feature), so it is always written.
        c.put("name", spec.name());
        c.put("default_entity_id", spec.platform() + "." + entitySlug + (spec.name() == null ? "" : "_" + spec.key()));
        c.putAll(spec.fields());
        spec.topics().forEach((field, path) -> c.put(field, root + "/" + path));
        if (spec.availability() == EntitySpec.Availability.BRIDGE) {
            c.put("availability", List.of(availability(topics.bridgeAvailability())));
        }
        return c;
    }

    private static Map<String, Object> availability(String topic) {
        return Map.of("topic", topic);
    }

    /** The product name without the maker, which HA shows next to it anyway. */
    static String productModel(CameraInfo info) {
        String name = info.modelName();
        return name.startsWith(WYZE_PREFIX) ? name.substring(WYZE_PREFIX.length()) : name;
    }
}
