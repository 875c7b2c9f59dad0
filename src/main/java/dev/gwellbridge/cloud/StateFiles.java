package dev.gwellbridge.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.config.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the cloud layer's JSON state files through {@link AtomicFile}: a file that
 * cannot be read or parsed is moved aside (with a warning) and treated as absent; a failed write is
 * logged and the state lives on in memory.
 */
final class StateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(StateFiles.class);

    private StateFiles() {}

    /** The file's JSON object, or empty when it is absent or was quarantined. */
    static Optional<ObjectNode> read(Path file, InstantSource clock) {
        byte[] bytes;
        try {
            Optional<byte[]> content = AtomicFile.read(file);
            if (content.isEmpty()) {
                return Optional.empty();
            }
            bytes = content.get();
        } catch (IOException e) {
            AtomicFile.quarantine(file, "unreadable: " + e.getClass().getSimpleName(), clock);
            return Optional.empty();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object) {
                return Optional.of(object);
            }
            AtomicFile.quarantine(file, "not a JSON object", clock);
        } catch (JsonProcessingException e) {
            AtomicFile.quarantine(
                    file, "invalid JSON at line " + e.getLocation().getLineNr(), clock);
        }
        return Optional.empty();
    }

    /** Moves a file aside whose JSON is well-formed but whose content makes no sense. */
    static void reject(Path file, String why, InstantSource clock) {
        AtomicFile.quarantine(file, why, clock);
    }

    /** Writes atomically, mode 600; failures are logged, not thrown. */
    static boolean write(Path file, ObjectNode content) {
        try {
            AtomicFile.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
            return true;
        } catch (IOException e) {
            LOG.warn("Could not save {}: {}; keeping the state in memory", file.getFileName(), e.getMessage());
            return false;
        }
    }
}
