package dev.gwellbridge.cloud;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer: status, headers (looked up case-insensitively) and the body text.
 *
 * @param headers one value per header name
 */
public record CloudResponse(int status, Map<String, String> headers, String body) {

    public CloudResponse {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableSortedMap(copy);
        body = body == null ? "" : body;
    }

    /** A header value, by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
