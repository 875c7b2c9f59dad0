package dev.gwellbridge.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The add-on's packaging files at the repository root, as the consistency tests read them. */
final class AddonFiles {
    /** Surefire runs in the project's base directory. */
    static final Path ROOT = Path.of("").toAbsolutePath();

    /** One leaf of {@code config.yaml}'s schema, e.g. {@code mqtt.host} or {@code cameras[].mac}. */
    record Leaf(String path, String type) {
        boolean inCamera() {
            return path.startsWith("cameras[].");
        }

        String key() {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        /** The name a loader problem uses for this leaf in the first camera entry. */
        String problemField() {
            return path.replace("cameras[]", "cameras[0]");
        }

        boolean optional() {
            return type.endsWith("?");
        }

        String bareType() {
            return optional() ? type.substring(0, type.length() - 1) : type;
        }
    }

    private AddonFiles() {}

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> yaml(String relative) {
        return MiniYaml.parseMap(read(relative));
    }

    static Map<String, Object> config() {
        return yaml("config.yaml");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** Every leaf of the schema, in file order. */
    static List<Leaf> schemaLeaves() {
        List<Leaf> out = new ArrayList<>();
        map(config().get("schema")).forEach((k, v) -> {
            if (v instanceof String s) {
                out.add(new Leaf(k, s));
            } else if (v instanceof Map<?, ?> m) {
                map(m).forEach((sub, t) -> out.add(new Leaf(k + "." + sub, (String) t)));
            } else if (v instanceof List<?> l) {
                map(l.get(0)).forEach((sub, t) -> out.add(new Leaf(k + "[]." + sub, (String) t)));
            } else {
                throw new AssertionError("schema entry " + k + " has no type");
            }
        });
        return out;
    }

    /** The scalar defaults of {@code options}, by leaf path ({@code mqtt.base_topic}). */
    static Map<String, String> optionDefaults() {
        Map<String, String> out = new LinkedHashMap<>();
        map(config().get("options")).forEach((k, v) -> {
            if (v instanceof String s) {
                out.put(k, s);
            } else if (v instanceof Map<?, ?> m) {
                map(m).forEach((sub, d) -> out.put(k + "." + sub, (String) d));
            }
        });
        return out;
    }
}
