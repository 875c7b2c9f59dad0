package dev.gwellbridge.ha;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Golden-file and JSON helpers for the mapping tests. */
final class Golden {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Golden() {}

    /** A resource under {@code /ha/} as text. */
    static String resource(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/ha/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /ha/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A golden file as the bridge would serialize it: parsed into plain maps and lists, then
     * written with {@link HaJson} (sorted keys, compact).
     */
    static String canonical(String json) {
        try {
            Object tree = PLAIN.readValue(json, Object.class);
            return HaJson.text(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether every object in the JSON lists its keys in ascending order. */
    static boolean keysSorted(String json) {
        try (JsonParser p = PLAIN.getFactory().createParser(json)) {
            Deque<String> lastKey = new ArrayDeque<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    lastKey.push("");
                } else if (t == JsonToken.END_OBJECT) {
                    lastKey.pop();
                } else if (t == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (key.compareTo(lastKey.peek()) <= 0) {
                        return false;
                    }
                    lastKey.pop();
                    lastKey.push(key);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MQTT topic filter matching with {@code +} and {@code #}. */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
