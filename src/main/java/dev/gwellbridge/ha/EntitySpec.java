package dev.gwellbridge.ha;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of an entity table: a discovery component's key, platform, name, availability and the
 * fixed and topic-valued fields of its config. Topic-valued fields hold a path relative to the
 * device's topic root ({@code <base>/<cam>} or {@code <base>/bridge}).
 *
 * @param name the entity name; null marks the device's main feature (HA then shows the device name)
 */
record EntitySpec(
        String key,
        String platform,
        String name,
        Availability availability,
        Map<String, Object> fields,
        Map<String, String> topics) {

    /** Which availability topics an entity lists. */
    enum Availability {
        /** Inherit the device's shared availability (bridge and camera, {@code availability_mode: all}). */
        DEVICE,
        /** Only the bridge's LWT topic, so the entity shows off/offline instead of unavailable. */
        BRIDGE,
        /** No availability at all: the entity reads the LWT topic itself. */
        NONE
    }

    EntitySpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(availability, "availability");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    }

    static EntitySpec of(String key, String platform, String name, Availability availability) {
        return new EntitySpec(key, platform, name, availability, Map.of(), Map.of());
    }

    /** A copy with one more fixed field. */
    EntitySpec with(String field, Object value) {
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.put(field, value);
        return new EntitySpec(key, platform, name, availability, f, topics);
    }

    /** A copy with one more topic-valued field ({@code path} relative to the device's topic root). */
    EntitySpec topic(String field, String path) {
        Map<String, String> t = new LinkedHashMap<>(topics);
        t.put(field, path);
        return new EntitySpec(key, platform, name, availability, fields, t);
    }
}
