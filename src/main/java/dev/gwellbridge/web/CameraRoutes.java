package dev.gwellbridge.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.Quality;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code api/cameras}: the camera list, one camera, its snapshot and its commands. */
final class CameraRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(CameraRoutes.class);
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final WebBackend backend;

    CameraRoutes(WebBackend backend) {
        this.backend = backend;
    }

    void list(Context ctx) {
        ArrayNode arr = Json.array();
        for (CameraState s : backend.cameras().cameras()) {
            arr.add(Views.camera(backend, s));
        }
        Json.send(ctx, 200, arr);
    }

    void one(Context ctx) {
        CameraState s = camera(ctx);
        Json.send(ctx, 200, Views.camera(backend, s));
    }

    void snapshot(Context ctx) {
        CameraState s = camera(ctx);
        byte[] jpeg = backend.cameras()
                .latestSnapshot(s.id())
                .orElseThrow(() -> ApiError.notFound(
                        "no_snapshot", "No snapshot of " + s.info().name() + " yet."));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/jpeg").result(jpeg);
    }

    void start(Context ctx) {
        Json.body(ctx);
        run(ctx, new CameraCommand.Start());
    }

    void stop(Context ctx) {
        Json.body(ctx);
        run(ctx, new CameraCommand.Stop());
    }

    void restart(Context ctx) {
        ObjectNode body = Json.body(ctx);
        run(ctx, new CameraCommand.Restart(Json.flag(body, "force", false)));
    }

    void takeSnapshot(Context ctx) {
        ObjectNode body = Json.body(ctx);
        run(ctx, new CameraCommand.Snapshot(Json.flag(body, "wake", false)));
    }

    void quality(Context ctx) {
        ObjectNode body = Json.body(ctx);
        Quality q =
                Quality.parse(Json.text(body, "quality")).orElseThrow(() -> ApiError.badRequest("quality", "hd or sd"));
        run(ctx, new CameraCommand.SetQuality(q));
    }

    void lanIp(Context ctx) {
        ObjectNode body = Json.body(ctx);
        String ip = Json.text(body, "lan_ip").trim();
        if (!ip.isEmpty() && !IPV4.matcher(ip).matches()) {
            throw ApiError.badRequest("lan_ip", "an IPv4 address like 192.168.1.50, or \"\" to unpin");
        }
        run(ctx, new CameraCommand.PinLanIp(ip));
    }

    private void run(Context ctx, CameraCommand command) {
        CameraState s = camera(ctx);
        String what = describe(command) + " for " + s.slug();
        CommandResult r = Commands.await(backend.cameras().command(s.id(), command), what);
        LOG.info(
                "Page: {} asked {} - {}",
                RemoteUser.describe(ctx),
                what,
                r.ok() ? "accepted" : "refused (" + r.reason() + ")");
        Commands.answer(ctx, r);
    }

    private CameraState camera(Context ctx) {
        String key = ctx.pathParam("id");
        return backend.cameras()
                .find(key)
                .orElseThrow(() -> ApiError.notFound(
                        "unknown_camera", "No camera with id, MAC or slug '" + RemoteUser.clean(key) + "'."));
    }

    private static String describe(CameraCommand c) {
        if (c instanceof CameraCommand.Start) {
            return "start";
        }
        if (c instanceof CameraCommand.Stop) {
            return "stop";
        }
        if (c instanceof CameraCommand.Restart r) {
            return r.force() ? "forced restart" : "restart";
        }
        if (c instanceof CameraCommand.Snapshot s) {
            return s.wake() ? "snapshot (wake)" : "snapshot";
        }
        if (c instanceof CameraCommand.SetQuality q) {
            return "quality " + q.quality().wire();
        }
        if (c instanceof CameraCommand.PinLanIp p) {
            return p.lanIp().isEmpty() ? "unpin LAN IP" : "pin LAN IP " + p.lanIp();
        }
        return c.name();
    }
}
