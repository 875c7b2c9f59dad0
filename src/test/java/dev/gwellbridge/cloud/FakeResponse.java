package dev.gwellbridge.cloud;

import java.util.Map;

/** One answer of the fake cloud. */
public record FakeResponse(int status, Map<String, String> headers, String body) {

    public FakeResponse {
        headers = Map.copyOf(headers);
    }

    public static FakeResponse json(int status, String body) {
        return new FakeResponse(status, Map.of("Content-Type", "application/json"), body);
    }
}
