package dev.gwellbridge.cloud;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Serves a {@link FakeWyzeCloud} over HTTP on 127.0.0.1 (random port) with Javalin. */
public final class FakeWyzeServer implements AutoCloseable {
    private final FakeWyzeCloud cloud;
    private final Javalin app;

    public FakeWyzeServer(FakeWyzeCloud cloud) {
        this.cloud = cloud;
        this.app = Javalin.create(cfg -> {
                    cfg.routes.post("/api/user/login", this::serve);
                    cfg.routes.post("/user/login", this::serve);
                    cfg.routes.post("/app/user/refresh_token", this::serve);
                    cfg.routes.post("/app/v2/home_page/get_object_list", this::serve);
                    cfg.routes.post("/plugin/mars/v2/regist_gw_user/{deviceId}", this::serve);
                })
                .start("127.0.0.1", 0);
    }

    /** The base URL to configure as auth, API and Mars URL. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    private void serve(Context ctx) throws InterruptedException {
        if (!cloud.delay.isZero()) {
            // Simulates a slow cloud; this runs on the server's thread, not in the code under test.
            Thread.sleep(cloud.delay.toMillis());
        }
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        FakeResponse r = cloud.handle(ctx.path(), headers, ctx.bodyAsBytes());
        ctx.status(r.status());
        r.headers().forEach(ctx::header);
        ctx.result(r.body());
    }

    @Override
    public void close() {
        app.stop();
    }
}
