package dev.gwellbridge.config;

import static dev.gwellbridge.config.OptionsFields.present;
import static dev.gwellbridge.config.OptionsFields.quote;
import static dev.gwellbridge.config.OptionsFields.text;
import static dev.gwellbridge.config.OptionsFields.typeName;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code cameras} list of the options; an entry with a bad {@code mac} is skipped. */
final class CameraOptionsReader {
    /** Same rule as {@code config.yaml}'s {@code match(^[A-Za-z0-9_]{12,40}$)}. */
    static final Pattern CAMERA_KEY = Pattern.compile("[A-Za-z0-9_]{12,40}");

    private static final Set<String> TRANSPORTS = Set.of("auto", "lan", "relay");

    private final OptionsFields f;

    CameraOptionsReader(OptionsFields f) {
        this.f = f;
    }

    List<CameraOptions> read(JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            f.problem("cameras", "a list", typeName(list));
            return List.of();
        }
        List<CameraOptions> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String at = "cameras[" + i + "]";
            if (!c.isObject()) {
                f.problem(at, "an object with at least mac", typeName(c));
                continue;
            }
            String mac = text(c.path("mac")).trim();
            if (!CAMERA_KEY.matcher(mac).matches()) {
                f.problem(
                        at + ".mac",
                        "a device id like GW_GC1_0A1B2C3D4E5F or a 12-digit MAC",
                        c.path("mac").isContainerNode() ? typeName(c.path("mac")) : quote(mac));
                continue;
            }
            CameraId id = CameraId.of(mac);
            String earlier = seen.putIfAbsent(id.mac(), at);
            if (earlier != null) {
                f.problem(at + ".mac", "a camera not already listed (it is " + earlier + ")", quote(mac));
                continue;
            }
            out.add(entry(c, at, id));
        }
        return out;
    }

    private CameraOptions entry(JsonNode c, String at, CameraId id) {
        String lanIp = f.string(c, at + ".lan_ip", "lan_ip", "");
        if (!lanIp.isEmpty() && !OptionsFields.IPV4.matcher(lanIp).matches()) {
            f.problem(at + ".lan_ip", "an IPv4 address like 192.168.1.50", quote(lanIp));
            lanIp = "";
        }
        String transport = f.string(c, at + ".transport", "transport", "auto").toLowerCase(Locale.ROOT);
        if (!TRANSPORTS.contains(transport)) {
            f.problem(at + ".transport", "auto, lan or relay", quote(transport));
            transport = "auto";
        }
        Quality quality = null;
        if (present(c, "quality")) {
            quality = Quality.parse(text(c.path("quality"))).orElse(null);
            if (quality == null) {
                f.problem(at + ".quality", "hd or sd", got(c.path("quality")));
            }
        }
        StreamMode mode = null;
        boolean off = false;
        if (present(c, "stream_mode")) {
            String raw = text(c.path("stream_mode")).trim().toLowerCase(Locale.ROOT);
            if (raw.equals("off")) {
                off = true;
            } else {
                mode = StreamMode.parse(raw).orElse(null);
                if (mode == null) {
                    f.problem(at + ".stream_mode", "on_demand, always or off", got(c.path("stream_mode")));
                }
            }
        }
        return new CameraOptions(
                id.deviceId(),
                f.string(c, at + ".name", "name", ""),
                f.bool(c, at + ".enabled", "enabled", true),
                lanIp,
                transport,
                quality,
                mode,
                off);
    }

    private static String got(JsonNode v) {
        return v.isValueNode() ? quote(v.asText()) : typeName(v);
    }
}
