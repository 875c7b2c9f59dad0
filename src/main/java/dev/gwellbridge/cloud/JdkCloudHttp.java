package dev.gwellbridge.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link CloudHttp} on {@code java.net.http}, HTTP/1.1, with connect and request timeouts. */
public final class JdkCloudHttp implements CloudHttp {
    /** What every public Wyze client uses. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final Duration timeout;

    public JdkCloudHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public JdkCloudHttp() {
        this(DEFAULT_TIMEOUT);
    }

    @Override
    public CloudResponse post(URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (!h.getValue().isEmpty()) {
                out.put(h.getKey(), h.getValue().get(0));
            }
        }
        return new CloudResponse(response.statusCode(), out, response.body());
    }
}
