package dev.gwellbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.config.LoadedOptions;
import dev.gwellbridge.config.OptionsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Options for demo mode: the user's options file (any subset) over demo defaults that make the
 * simulated cameras stream without a viewer and start a few seconds apart instead of 15 s (the
 * simulator has no rate limits to respect).
 */
final class DemoOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoOptions() {}

    static ObjectNode defaults() {
        ObjectNode d = JSON.createObjectNode();
        d.put("stream_mode", "always");
        d.put("handshake_stagger_s", 2);
        d.put("snapshot_interval_min", 1);
        return d;
    }

    /** Loads {@code file} (when given) over the demo defaults; problems name the user's fields. */
    static LoadedOptions load(Path file) throws IOException {
        ObjectNode merged = defaults();
        if (file != null) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode user;
            try {
                user = JSON.readTree(text);
            } catch (IOException e) {
                // Let the loader report the syntax error the same way it does for `run`.
                return OptionsLoader.parse(text);
            }
            if (user != null && user.isObject()) {
                merged.setAll((ObjectNode) user);
            } else {
                return OptionsLoader.parse(text);
            }
        }
        return OptionsLoader.parse(JSON.writeValueAsString(merged));
    }
}
