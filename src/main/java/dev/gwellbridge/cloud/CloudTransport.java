package dev.gwellbridge.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request through the {@link Etiquette} gate and turns transport failures into {@link
 * CloudException}s. Never logs headers or bodies: they carry tokens.
 */
final class CloudTransport {
    private static final Logger LOG = LoggerFactory.getLogger(CloudTransport.class);

    private final CloudHttp http;
    private final Etiquette etiquette;

    CloudTransport(CloudHttp http, Etiquette etiquette) {
        this.http = http;
        this.etiquette = etiquette;
    }

    Etiquette etiquette() {
        return etiquette;
    }

    /**
     * Posts {@code body} unless the etiquette forbids it; HTTP 429 and 5xx become exceptions, every
     * other status is returned for the caller to interpret.
     *
     * @param what the call in words, for messages ("login", "camera list")
     */
    CloudResponse post(URI uri, Map<String, String> headers, String body, String what) throws CloudException {
        etiquette.checkAllowed();
        etiquette.recordCall();
        String host = uri.getHost();
        CloudResponse response;
        try {
            LOG.debug("POST {}{} ({})", host, uri.getPath(), what);
            response = http.post(uri, headers, body);
        } catch (HttpTimeoutException e) {
            var until = etiquette.onNetworkFailure();
            throw new CloudException(
                    CloudReason.CLOUD_UNREACHABLE, host + " did not answer the " + what + " request in time.", until);
        } catch (IOException e) {
            var until = etiquette.onNetworkFailure();
            throw new CloudException(
                    CloudReason.CLOUD_UNREACHABLE,
                    "Could not reach " + host + " for the " + what + " request ("
                            + e.getClass().getSimpleName() + "). Check the internet connection.",
                    until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudException(CloudReason.CLOUD_UNREACHABLE, "The " + what + " request was interrupted.", null);
        }
        LOG.debug("{} answered {} to the {} request", host, response.status(), what);
        etiquette.onResponse(response, host);
        return response;
    }

    /** Parses a JSON object body, or fails with {@code unexpected_response}. */
    static JsonNode object(CloudResponse response, String what) throws CloudException {
        try {
            JsonNode node = Json.MAPPER.readTree(response.body());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new CloudException(
                CloudReason.UNEXPECTED_RESPONSE,
                "Wyze answered the " + what + " request (HTTP " + response.status() + ") with something that is"
                        + " not a JSON object.",
                null);
    }

    /** Serialises compactly; the caller sends (and signs) exactly this text. */
    static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }
}
