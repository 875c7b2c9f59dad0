package dev.gwellbridge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraStore;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StoredCamera;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CameraStore} as a JSON file in the data directory ({@code cameras.json}), written through
 * {@link AtomicFile} (atomic, mode 600):
 *
 * <pre>{@code
 * {"version": 1,
 *  "cameras": {"GW_GC1_0A1B2C3D4E5F": {"slug": "front_door", "stream": true, "quality": "hd", "lan_ip": ""}}}
 * }</pre>
 *
 * <p>{@code quality} is absent when none was chosen by command. A file that is not JSON or not of
 * this shape is quarantined and the bridge starts from defaults; a single bad entry is skipped
 * with a warning.
 */
public final class JsonCameraStore implements CameraStore {
    private static final Logger LOG = LoggerFactory.getLogger(JsonCameraStore.class);
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final InstantSource clock;

    /**
     * @param file the JSON file; its folder is created on the first save
     * @param clock names quarantined files
     */
    public JsonCameraStore(Path file, InstantSource clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public Map<CameraId, StoredCamera> load() {
        Optional<byte[]> bytes;
        try {
            bytes = AtomicFile.read(file);
        } catch (IOException e) {
            LOG.warn("{} could not be read ({}); starting from defaults", file.getFileName(), e.toString());
            return Map.of();
        }
        if (bytes.isEmpty()) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes.get());
        } catch (JsonProcessingException e) {
            AtomicFile.quarantine(
                    file, "invalid JSON at line " + e.getLocation().getLineNr(), clock);
            return Map.of();
        } catch (IOException e) {
            AtomicFile.quarantine(file, e.toString(), clock);
            return Map.of();
        }
        if (root == null || !root.isObject() || !root.path("cameras").isObject()) {
            AtomicFile.quarantine(file, "not an object with a cameras object", clock);
            return Map.of();
        }
        Map<CameraId, StoredCamera> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("cameras").properties()) {
            try {
                out.put(CameraId.of(e.getKey()), entry(e.getValue()));
            } catch (IllegalArgumentException | NullPointerException bad) {
                LOG.warn("{}: skipping the entry of {} ({})", file.getFileName(), e.getKey(), bad.getMessage());
            }
        }
        return Map.copyOf(out);
    }

    @Override
    public void save(Map<CameraId, StoredCamera> cameras) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode all = root.putObject("cameras");
        for (Map.Entry<CameraId, StoredCamera> e : new TreeMap<>(cameras).entrySet()) {
            StoredCamera c = e.getValue();
            ObjectNode n = all.putObject(e.getKey().deviceId());
            n.put("slug", c.slug());
            n.put("stream", c.streamOn());
            c.chosenQuality().ifPresent(q -> n.put("quality", q.wire()));
            n.put("lan_ip", c.lanIp());
        }
        AtomicFile.write(file, JSON.writeValueAsBytes(root));
    }

    private static StoredCamera entry(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        JsonNode slug = n.path("slug");
        if (!slug.isTextual() || slug.textValue().isBlank()) {
            throw new IllegalArgumentException("no slug");
        }
        Quality quality = null;
        if (n.hasNonNull("quality")) {
            quality = Quality.parse(n.path("quality").asText())
                    .orElseThrow(() -> new IllegalArgumentException("quality must be hd or sd"));
        }
        return new StoredCamera(
                slug.textValue(),
                n.path("stream").asBoolean(true),
                quality,
                n.path("lan_ip").asText(""));
    }
}
