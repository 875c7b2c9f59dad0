package dev.gwellbridge.ha;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Answers on {@code <base>/bridge/response/<action>} (not retained, QoS 1): {@code
 * {"status":"ok"|"error","error":"...","transaction":"...","data":{...}}}. {@code error} appears
 * only on errors and {@code transaction} only when the request carried one.
 */
public final class RequestResponse {
    private final Topics topics;

    public RequestResponse(Topics topics) {
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    public Publication ok(String action, String transaction, Map<String, Object> data) {
        return build(action, transaction, null, data);
    }

    /** An error answer; {@code error} is a plain-English sentence. */
    public Publication error(String action, String transaction, String error, Map<String, Object> data) {
        return build(action, transaction, Objects.requireNonNull(error, "error"), data);
    }

    private Publication build(String action, String transaction, String error, Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", error == null ? "ok" : "error");
        if (error != null) {
            m.put("error", error);
        }
        if (transaction != null) {
            m.put("transaction", transaction);
        }
        m.put("data", data);
        return new Publication(topics.bridgeResponse(action), HaJson.bytes(m), false, 1);
    }
}
