package dev.gwellbridge.cloud;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * {@link CloudHttp} straight into a {@link FakeWyzeCloud}, without sockets: the fake's delay moves the
 * virtual clock, or becomes a timeout when it exceeds the client timeout.
 */
final class FakeTransport implements CloudHttp {
    /** One request as sent. */
    record Sent(URI uri, Map<String, String> headers, String body, java.time.Instant at) {}

    private final FakeWyzeCloud cloud;
    private final ManualClock clock;
    private final Duration timeout;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    volatile boolean down;

    FakeTransport(FakeWyzeCloud cloud, ManualClock clock, Duration timeout) {
        this.cloud = cloud;
        this.clock = clock;
        this.timeout = timeout;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public CloudResponse post(URI uri, Map<String, String> headers, String body) throws IOException {
        sent.add(new Sent(uri, Map.copyOf(headers), body, clock.instant()));
        if (down) {
            throw new ConnectException("Connection refused");
        }
        if (cloud.delay.compareTo(timeout) >= 0) {
            clock.advance(timeout);
            throw new HttpTimeoutException("request timed out");
        }
        clock.advance(cloud.delay);
        Map<String, String> lower = headers.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        FakeResponse r = cloud.handle(uri.getPath(), lower, body.getBytes(StandardCharsets.UTF_8));
        return new CloudResponse(r.status(), r.headers(), r.body());
    }
}
