package dev.gwellbridge.cloud;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The HTTP exchange the cloud client needs: one JSON POST, one answer. Behind an interface so tests
 * can count and script requests without sockets.
 */
public interface CloudHttp {

    /**
     * Sends {@code body} (UTF-8, exactly as given: signatures cover these bytes).
     *
     * @param headers request headers; names as given
     * @return the answer whatever its status
     * @throws java.net.http.HttpTimeoutException when no answer came in time
     * @throws IOException when the host cannot be reached
     */
    CloudResponse post(URI uri, Map<String, String> headers, String body) throws IOException, InterruptedException;
}
