package dev.gwellbridge.ha;

import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.StreamUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A camera's retained state topics: availability, status, stream intent, quality, info, stats and
 * the snapshot. Pure. Published URLs never carry credentials, because every broker client can read
 * retained payloads.
 */
public final class CameraStateMapper {
    /** Snapshots above this size are not published as they are (HA and brokers choke on big images). */
    public static final int SNAPSHOT_CAP_BYTES = 200 * 1024;

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");

    private final Topics topics;
    private final Function<String, StreamUrls> urls;

    /**
     * @param urls the stream URLs of a camera slug (typically {@code MediaPort::urls})
     */
    public CameraStateMapper(Topics topics, Function<String, StreamUrls> urls) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    /** Every retained state topic of a camera except the snapshot, in publishing order. */
    public List<Publication> states(CameraState s) {
        return List.of(availability(s), status(s), streamState(s), quality(s), info(s), stats(s));
    }

    /** {@code online} while the camera is reachable, {@code offline} otherwise. */
    public Publication availability(CameraState s) {
        return text(s, CameraTopic.AVAILABILITY, s.available() ? "online" : "offline");
    }

    public Publication status(CameraState s) {
        return text(s, CameraTopic.STATUS, s.status().wire());
    }

    /** The user's intent, {@code ON} or {@code OFF}; never derived from the status. */
    public Publication streamState(CameraState s) {
        return text(s, CameraTopic.STREAM_STATE, s.streamOn() ? "ON" : "OFF");
    }

    public Publication quality(CameraState s) {
        return text(s, CameraTopic.QUALITY_STATE, s.quality().wire());
    }

    /** Model, firmware, MAC, LAN IP, transport and stream URLs (also HA's entity attributes). */
    public Publication info(CameraState s) {
        CameraInfo info = s.info();
        StreamUrls u = urls.apply(s.slug());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", DiscoveryMapper.productModel(info));
        m.put("model_id", info.modelId());
        m.put("firmware", emptyToNull(info.firmware()));
        m.put("mac", info.id().mac());
        m.put("lan_ip", emptyToNull(info.lanIp()));
        m.put("transport", s.transport().kind());
        m.put("rtsp_url", u == null ? null : withoutCredentials(u.rtsp()));
        m.put("hls_url", u == null ? null : withoutCredentials(u.hls()));
        return json(s, CameraTopic.INFO, m);
    }

    /** Bitrate, frame rate, stream start, clients, reconnects and age of the last frame. */
    public Publication stats(CameraState s) {
        CameraStats st = s.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bitrate_kbps", round1(st.bitrateKbps()));
        m.put("fps", round1(st.fps()));
        m.put("stream_since", st.since().map(EventMapper::timestamp).orElse(null));
        m.put("clients", st.clients());
        m.put("reconnects", st.reconnects());
        m.put("last_frame_age_s", st.lastFrameAgeSeconds() < 0 ? null : round1(st.lastFrameAgeSeconds()));
        return json(s, CameraTopic.STATS, m);
    }

    /**
     * The JPEG as a retained QoS-0 message, or empty when it exceeds {@link #SNAPSHOT_CAP_BYTES}
     * (shrink it first) or is empty.
     */
    public Optional<Publication> snapshot(String slug, byte[] jpeg) {
        if (jpeg.length == 0 || jpeg.length > SNAPSHOT_CAP_BYTES) {
            return Optional.empty();
        }
        CameraTopic t = CameraTopic.SNAPSHOT;
        return Optional.of(new Publication(topics.camera(slug, t), jpeg, t.retained(), t.qos()));
    }

    /** Removes {@code user[:password]@} from a URL. */
    static String withoutCredentials(String url) {
        return url == null || url.isEmpty() ? null : USER_INFO.matcher(url).replaceFirst("");
    }

    private Publication text(CameraState s, CameraTopic t, String value) {
        return Publication.text(topics.camera(s.slug(), t), value, t.retained(), t.qos());
    }

    private Publication json(CameraState s, CameraTopic t, Map<String, Object> value) {
        return new Publication(topics.camera(s.slug(), t), HaJson.bytes(value), t.retained(), t.qos());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10.0) / 10.0 : 0.0;
    }
}
