package dev.gwellbridge.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.json.JavalinJackson;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingress page: a Javalin server with the page, its JSON API, the live feed ({@code
 * api/events}) and the live view's HLS files.
 *
 * <p>Every request is first checked against the allowlist (the TCP peer, never a forwarded header);
 * every request that is not GET/HEAD must be a same-origin JSON POST. Both refusals are 403.
 *
 * <p>Routes (all relative to the ingress prefix): {@code GET /} the page, {@code GET static/**},
 * {@code GET hls/<slug>/<file>}, {@code GET healthz}, {@code GET api/health}, {@code GET
 * api/cameras}, {@code GET api/cameras/{id}}, {@code GET api/cameras/{id}/snapshot.jpg}, {@code POST
 * api/cameras/{id}/start|stop|restart|snapshot|quality|lan_ip}, {@code GET api/account}, {@code POST
 * api/credentials}, {@code POST api/announce}, {@code POST api/refresh}, {@code GET api/events},
 * {@code GET api/logs}, {@code GET api/debug-bundle}.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final int MAX_LOGGED_REFUSALS = 64;

    private final WebSettings settings;
    private final AccessPolicy policy;
    private final EventHub hub;
    private final WebBackend backend;
    private final Javalin app;
    private final Map<String, Boolean> refusedPeers = new ConcurrentHashMap<>();
    private volatile boolean started;

    /**
     * Builds the server; nothing listens until {@link #start()}.
     *
     * @param version the product version shown on the page
     * @throws IllegalArgumentException when an allowlist entry is not an IP address
     */
    public WebServer(WebSettings settings, WebBackend backend, String version) {
        this.settings = settings;
        this.backend = backend;
        this.policy = new AccessPolicy(settings.allow(), settings.allowLoopback());
        this.hub = new EventHub(backend);
        PageAssets assets = new PageAssets(version);
        HlsFiles hls = new HlsFiles(settings.dataDir(), backend);
        CameraRoutes cameras = new CameraRoutes(backend);
        AccountRoutes account = new AccountRoutes(backend, hub::statusChanged);
        BridgeRoutes bridge = new BridgeRoutes(backend, hub::statusChanged, hub::subscribers);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            QueuedThreadPool pool = new QueuedThreadPool(32, 2);
            pool.setName("web-http");
            cfg.jetty.threadPool = pool;

            cfg.routes.before(this::guard);
            cfg.routes.get("/", assets::index);
            cfg.routes.get("/index.html", assets::index);
            cfg.routes.get("/static/<path>", assets::serveStatic);
            cfg.routes.get("/hls/{slug}/{file}", hls::serve);
            cfg.routes.get("/healthz", bridge::healthz);
            cfg.routes.get("/api/health", bridge::health);
            cfg.routes.get("/api/cameras", cameras::list);
            cfg.routes.get("/api/cameras/{id}", cameras::one);
            cfg.routes.get("/api/cameras/{id}/snapshot.jpg", cameras::snapshot);
            cfg.routes.post("/api/cameras/{id}/start", cameras::start);
            cfg.routes.post("/api/cameras/{id}/stop", cameras::stop);
            cfg.routes.post("/api/cameras/{id}/restart", cameras::restart);
            cfg.routes.post("/api/cameras/{id}/snapshot", cameras::takeSnapshot);
            cfg.routes.post("/api/cameras/{id}/quality", cameras::quality);
            cfg.routes.post("/api/cameras/{id}/lan_ip", cameras::lanIp);
            cfg.routes.get("/api/account", account::get);
            cfg.routes.post("/api/credentials", account::testAndSave);
            cfg.routes.post("/api/announce", bridge::announce);
            cfg.routes.post("/api/refresh", bridge::refresh);
            cfg.routes.get("/api/logs", bridge::logs);
            cfg.routes.get("/api/debug-bundle", bridge::debugBundle);
            cfg.routes.sse("/api/events", this::subscribe);
            cfg.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("Page request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal", "An unexpected error occurred; see the log.");
            });
        });
    }

    /** Starts listening and subscribes to camera updates. */
    public WebServer start() {
        app.start(settings.bindHost(), settings.port());
        hub.start();
        backend.cameras().addListener(hub);
        started = true;
        LOG.info(
                "Ingress page listening on {}:{} (allowed: {}{})",
                settings.bindHost(),
                app.port(),
                String.join(", ", settings.allow()),
                settings.allowLoopback() ? ", loopback" : "");
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Open live-feed streams. */
    public int subscribers() {
        return hub.subscribers();
    }

    /** Stops listening; open streams are closed. Idempotent. */
    @Override
    public void close() {
        if (started) {
            backend.cameras().removeListener(hub);
        }
        hub.close();
        app.stop();
        started = false;
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        EventHub.Sink sink = new EventHub.Sink() {
            @Override
            public boolean send(String event, String data) {
                client.sendEvent(event, data);
                return !client.terminated();
            }

            @Override
            public boolean comment(String text) {
                client.sendComment(text);
                return !client.terminated();
            }

            @Override
            public void close() {
                client.close();
            }
        };
        client.onClose(() -> hub.detach(sink));
        hub.attach(sink);
    }

    private void guard(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        boolean healthz = ctx.path().equals("/healthz");
        if (!policy.admits(peer, healthz)) {
            if (refusedPeers.size() < MAX_LOGGED_REFUSALS && refusedPeers.putIfAbsent(peer, Boolean.TRUE) == null) {
                LOG.warn(
                        "Refused a page request from {}: only the ingress proxy and web_allow addresses may connect",
                        RemoteUser.clean(peer));
            }
            refuse(ctx, "This address may not open the page; use the Home Assistant sidebar (ingress).");
            return;
        }
        String method = ctx.method().name().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Optional<String> why = AccessPolicy.refuseWrite(
                    ctx.header("Content-Type"),
                    ctx.header("Origin"),
                    ctx.header("Sec-Fetch-Site"),
                    ctx.header("Host"),
                    ctx.header("X-Forwarded-Host"));
            if (why.isPresent()) {
                LOG.info("Refused a {} to {}: {}", method, ctx.path(), why.get());
                refuse(ctx, why.get());
            }
        }
    }

    private static void refuse(Context ctx, String message) {
        error(ctx, 403, "forbidden", message);
        ctx.skipRemainingHandlers();
    }

    private static void error(Context ctx, int status, String code, String message) {
        ObjectNode n = Json.object();
        n.put("error", code);
        n.put("message", message);
        Json.send(ctx, status, n);
    }
}
