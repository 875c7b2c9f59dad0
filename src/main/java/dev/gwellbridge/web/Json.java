package dev.gwellbridge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gwellbridge.config.Secrets;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * JSON in and out of the API. Everything that leaves is a tree whose strings pass through {@link
 * Secrets#redact(String)} first, so a secret that slipped into a message or a log line is masked
 * before any browser sees it.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private Json() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** An ISO-8601 instant, or JSON null. */
    static JsonNode instant(Instant at) {
        return at == null ? JsonNodeFactory.instance.nullNode() : TextNode.valueOf(at.toString());
    }

    /** Serializes a tree after masking registered secrets in every string value and field name. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(redact(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers with a JSON tree and a status. */
    static void send(Context ctx, int status, JsonNode node) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(write(node));
        ctx.header("Cache-Control", "no-store");
    }

    /** The request body as a JSON object; an empty body counts as {@code {}}. */
    static ObjectNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(
                    "body",
                    "a JSON object (invalid JSON at line " + e.getLocation().getLineNr() + ")");
        }
        if (node instanceof ObjectNode obj) {
            return obj;
        }
        throw ApiError.badRequest("body", "a JSON object");
    }

    /** A string member, or "" when absent or null; anything else is refused naming the field. */
    static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest(field, "a string");
        }
        return v.asText();
    }

    /** A boolean member, or {@code fallback} when absent or null. */
    static boolean flag(ObjectNode body, String field, boolean fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ApiError.badRequest(field, "true or false");
        }
        return v.asBoolean();
    }

    private static JsonNode redact(JsonNode node) {
        if (node.isTextual()) {
            String r = Secrets.redact(node.asText());
            return r.equals(node.asText()) ? node : TextNode.valueOf(r);
        }
        if (node.isObject()) {
            ObjectNode out = object();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(Secrets.redact(e.getKey()), redact(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = array();
            for (JsonNode child : node) {
                out.add(redact(child));
            }
            return out;
        }
        return node;
    }
}
