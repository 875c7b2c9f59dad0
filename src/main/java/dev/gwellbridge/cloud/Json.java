package dev.gwellbridge.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the cloud layer: compact output, so signed bodies are the bytes sent. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}
}
