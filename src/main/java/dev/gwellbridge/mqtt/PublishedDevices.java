package dev.gwellbridge.mqtt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gwellbridge.config.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery devices this installation has published, kept in the data directory as {@code
 * {"wyzegw_AABBCCDDEEFF":"front_door", ...}} (object id to slug), so devices of cameras that left
 * while the bridge was down can be cleared at the next start. Written atomically, only on change.
 *
 * <p>Confined to the bridge's {@code mqtt} thread.
 */
final class PublishedDevices {
    static final String FILE_NAME = "mqtt-devices.json";

    private static final Logger LOG = LoggerFactory.getLogger(PublishedDevices.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {};

    private final Path file;
    private final InstantSource clock;
    private final TreeMap<String, String> devices = new TreeMap<>();

    PublishedDevices(Path dataDir, InstantSource clock) {
        this.file = dataDir.resolve(FILE_NAME);
        this.clock = clock;
    }

    /** Reads the file; an unreadable one is moved aside and the set starts empty. */
    void load() {
        devices.clear();
        try {
            Optional<byte[]> bytes = AtomicFile.read(file);
            if (bytes.isPresent()) {
                TreeMap<String, String> read = JSON.readValue(bytes.get(), TYPE);
                if (read != null) {
                    read.entrySet().removeIf(e -> e.getKey() == null || e.getValue() == null);
                    devices.putAll(read);
                }
            }
        } catch (IOException e) {
            AtomicFile.quarantine(file, e.getClass().getSimpleName(), clock);
        }
    }

    /** Object id to slug, sorted. */
    Map<String, String> all() {
        return Map.copyOf(devices);
    }

    /** Records a published device; writes the file when something changed. */
    void put(String objectId, String slug) {
        if (!slug.equals(devices.put(objectId, slug))) {
            save();
        }
    }

    /** Forgets a cleared device; writes the file when it was known. */
    void remove(String objectId) {
        if (devices.remove(objectId) != null) {
            save();
        }
    }

    private void save() {
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(devices));
        } catch (IOException e) {
            LOG.warn("Could not save {}: {}", file.getFileName(), e.getMessage());
        }
    }
}
