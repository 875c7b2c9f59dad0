package dev.gwellbridge.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The topic scheme: {@code <base>/bridge/...}, {@code <base>/<cam>/...} and the discovery topics
 * below {@code <prefix>}. Topic levels are lower-case words without spaces.
 *
 * @param base the base topic, e.g. {@code wyzegw}
 * @param prefix the discovery prefix, e.g. {@code homeassistant}
 */
public record Topics(String base, String prefix) {
    /** The level that holds bridge topics; cameras can never use it as their slug. */
    public static final String BRIDGE = "bridge";

    private static final Pattern LEVEL = Pattern.compile("[a-zA-Z0-9_-]+");

    public Topics {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(prefix, "prefix");
        if (!LEVEL.matcher(base).matches()) {
            throw new IllegalArgumentException("base topic must be letters, digits, '_' or '-': " + base);
        }
        if (!LEVEL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("discovery prefix must be letters, digits, '_' or '-': " + prefix);
        }
    }

    public String bridgeAvailability() {
        return base + "/" + BRIDGE + "/availability";
    }

    public String bridgeState() {
        return base + "/" + BRIDGE + "/state";
    }

    public String bridgeEvent() {
        return base + "/" + BRIDGE + "/event";
    }

    /** Where requests for {@code action} arrive. */
    public String bridgeRequest(String action) {
        return bridgeRequestPrefix() + action;
    }

    /** Where the answer to a request for {@code action} goes. */
    public String bridgeResponse(String action) {
        return base + "/" + BRIDGE + "/response/" + action;
    }

    String bridgeRequestPrefix() {
        return base + "/" + BRIDGE + "/request/";
    }

    /** A topic of one camera, e.g. {@code wyzegw/front_door/stream/set}. */
    public String camera(String slug, CameraTopic topic) {
        return base + "/" + slug + "/" + topic.path();
    }

    /** The root below which a camera's topics live, e.g. {@code wyzegw/front_door}. */
    public String cameraRoot(String slug) {
        return base + "/" + slug;
    }

    /** Home Assistant's birth and last-will topic. */
    public String haStatus() {
        return prefix + "/status";
    }

    /** The device-based discovery topic of a device, e.g. {@code homeassistant/device/wyzegw_X/config}. */
    public String deviceConfig(String objectId) {
        return prefix + "/device/" + objectId + "/config";
    }

    /** Every filter the bridge subscribes to: camera commands, bridge requests, HA status. */
    public List<String> subscriptions() {
        List<String> filters = new ArrayList<>();
        for (CameraTopic t : CameraTopic.commands()) {
            filters.add(base + "/+/" + t.path());
        }
        filters.add(bridgeRequestPrefix() + "+");
        filters.add(haStatus());
        return List.copyOf(filters);
    }
}
