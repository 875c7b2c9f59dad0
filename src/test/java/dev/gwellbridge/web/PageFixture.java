package dev.gwellbridge.web;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CommandResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A page server on a free loopback port with in-memory fakes behind it, plus a small HTTP client. */
final class PageFixture implements AutoCloseable {
    final FakeCameraControl cameras = new FakeCameraControl();
    final FakeAccountPort account = new FakeAccountPort();
    final AtomicReference<BridgeStatus> bridge = new AtomicReference<>(TestCameras.bridge(List.of()));
    final AtomicInteger announces = new AtomicInteger();
    final AtomicReference<CommandResult> announceAnswer =
            new AtomicReference<>(CommandResult.accepted("Discovery and states republished."));
    final List<String> logTail = new CopyOnWriteArrayList<>();
    final AtomicBoolean alive = new AtomicBoolean(true);
    final WebServer server;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PageFixture(Path dataDir, List<String> allow, boolean allowLoopback) {
        WebBackend backend = new WebBackend(
                cameras,
                account,
                bridge::get,
                TestCameras::urls,
                () -> {
                    announces.incrementAndGet();
                    return announceAnswer.get();
                },
                () -> List.copyOf(logTail),
                alive::get,
                InstantSource.fixed(TestCameras.T0));
        server = new WebServer(new WebSettings("127.0.0.1", 0, allow, allowLoopback, dataDir), backend, "0.1.0-test")
                .start();
    }

    /** A fixture admitting the test's loopback client through the allowlist. */
    static PageFixture open(Path dataDir) {
        return new PageFixture(dataDir, List.of(WebSettings.SUPERVISOR_INGRESS, "127.0.0.1"), false);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + "/" + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A same-origin JSON POST as the page sends it. */
    HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Origin", "http://127.0.0.1:" + server.port())
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
