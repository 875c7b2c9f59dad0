package dev.gwellbridge.ha;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The one JSON writer of the MQTT payloads: map entries and properties sorted by key, compact, so a
 * retained payload is byte-identical whenever its content is, and golden files can compare bytes.
 */
public final class HaJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private HaJson() {}

    /** Serializes maps, lists, strings, numbers, booleans and nulls with sorted keys. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not serializable as JSON: " + value.getClass().getName(), e);
        }
    }

    /** Same as {@link #bytes(Object)}, as text. */
    public static String text(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /** Reads a JSON object; empty when the bytes are not one (commands may be plain words). */
    public static Optional<Map<String, Object>> readObject(byte[] json) {
        try {
            Map<String, Object> map = MAPPER.readValue(json, OBJECT);
            return Optional.ofNullable(map);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
