package dev.gwellbridge.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Home Assistant's ingress: serves {@code /api/hassio_ingress/<token>/*} by forwarding
 * to the page server's {@code /*}, adds {@code X-Ingress-Path}, the remote-user and forwarding
 * headers, and streams responses chunk by chunk (so Server-Sent Events pass through live).
 */
public final class IngressProxy implements AutoCloseable {
    public static final String TOKEN = "Tok3n_ingress-XYZ";
    public static final String PREFIX = "/api/hassio_ingress/" + TOKEN;
    private static final Set<String> HOP_BY_HOP = Set.of(
            "host",
            "connection",
            "content-length",
            "expect",
            "upgrade",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "proxy-connection",
            "accept-encoding");

    private final HttpServer server;
    private final ExecutorService pool;
    private final HttpClient client;
    private final int targetPort;

    public IngressProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ingress-proxy-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** The page's URL as the browser sees it inside Home Assistant. */
    public String pageUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (!path.startsWith(PREFIX + "/")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String rest = path.substring(PREFIX.length());
            String query = ex.getRequestURI().getRawQuery();
            URI target = URI.create("http://127.0.0.1:" + targetPort + rest + (query == null ? "" : "?" + query));
            byte[] body = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder req = HttpRequest.newBuilder(target)
                    .method(
                            ex.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
                if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    h.getValue().forEach(v -> req.header(h.getKey(), v));
                }
            }
            req.header("X-Ingress-Path", PREFIX);
            req.header("X-Forwarded-Host", ex.getRequestHeaders().getFirst("Host"));
            req.header("X-Forwarded-Proto", "http");
            req.header("X-Forwarded-For", ex.getRemoteAddress().getAddress().getHostAddress());
            req.header("X-Remote-User-Id", "8f1c0ffee");
            req.header("X-Remote-User-Name", "test-admin");
            req.header("X-Remote-User-Display-Name", "Test Admin");
            HttpResponse<InputStream> res;
            try {
                res = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
                return;
            }
            for (Map.Entry<String, List<String>> h : res.headers().map().entrySet()) {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(name) && !name.startsWith(":")) {
                    ex.getResponseHeaders().put(h.getKey(), h.getValue());
                }
            }
            int status = res.statusCode();
            boolean empty =
                    status == 204 || status == 304 || ex.getRequestMethod().equals("HEAD");
            try (InputStream in = res.body()) {
                ex.sendResponseHeaders(status, empty ? -1 : 0);
                if (!empty) {
                    OutputStream out = ex.getResponseBody();
                    byte[] buf = new byte[16 * 1024];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // the browser or the page server went away mid-response (e.g. a closed event stream)
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
