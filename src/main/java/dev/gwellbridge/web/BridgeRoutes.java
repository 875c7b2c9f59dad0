package dev.gwellbridge.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.config.Secrets;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The watchdog probe, bridge status and actions, the log tail and the debug bundle. */
final class BridgeRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeRoutes.class);
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final WebBackend backend;
    private final Runnable changed;
    private final IntSupplier subscribers;

    BridgeRoutes(WebBackend backend, Runnable changed, IntSupplier subscribers) {
        this.backend = backend;
        this.changed = changed;
        this.subscribers = subscribers;
    }

    /** {@code healthz}: 200 while the process loop is alive, whatever the cameras do. */
    void healthz(Context ctx) {
        boolean alive = backend.alive().getAsBoolean();
        ObjectNode n = Json.object();
        n.put("status", alive ? "ok" : "dead");
        Json.send(ctx, alive ? 200 : 503, n);
    }

    /** {@code api/health}: the bridge status, 503 when the process loop is dead. */
    void health(Context ctx) {
        boolean alive = backend.alive().getAsBoolean();
        ObjectNode n = Json.object();
        n.put("status", alive ? "ok" : "dead");
        n.setAll(Views.bridge(backend.bridge().get(), backend.clock().instant(), alive));
        Json.send(ctx, alive ? 200 : 503, n);
    }

    void announce(Context ctx) {
        Json.body(ctx);
        CommandResult r = backend.announce().get();
        LOG.info("Page: {} asked to announce to Home Assistant - {}", RemoteUser.describe(ctx), outcome(r));
        changed.run();
        Commands.answer(ctx, r);
    }

    void refresh(Context ctx) {
        Json.body(ctx);
        CommandResult r = Commands.await(backend.cameras().refreshCameras(), "the camera list refresh");
        LOG.info("Page: {} asked to refresh the camera list - {}", RemoteUser.describe(ctx), outcome(r));
        changed.run();
        Commands.answer(ctx, r);
    }

    void logs(Context ctx) {
        ObjectNode n = Json.object();
        n.set("lines", logLines());
        Json.send(ctx, 200, n);
    }

    /** A JSON file with everything a bug report needs, every string passed through {@link Secrets}. */
    void debugBundle(Context ctx) {
        Instant now = backend.clock().instant();
        boolean alive = backend.alive().getAsBoolean();
        BridgeStatus bridge = backend.bridge().get();
        ObjectNode n = Json.object();
        n.put("kind", "gwell-bridge debug bundle");
        n.set("generated_at", Json.instant(now));
        n.put("version", bridge.version());
        n.set("bridge", Views.bridge(bridge, now, alive));
        ArrayNode problems = n.putArray("options_problems");
        bridge.problems().forEach(problems::add);
        n.set(
                "account",
                Views.account(backend.account().fields(), backend.account().status()));
        ArrayNode cams = n.putArray("cameras");
        for (CameraState s : backend.cameras().cameras()) {
            cams.add(Views.camera(backend, s));
        }
        n.put("handshake_queue", backend.cameras().handshakeQueueDepth());
        n.put("page_subscribers", subscribers.getAsInt());
        n.set("log_tail", logLines());
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"gwell-bridge-debug-" + FILE_STAMP.format(now) + ".json\"");
        Json.send(ctx, 200, n);
    }

    private ArrayNode logLines() {
        ArrayNode arr = Json.array();
        List<String> lines = backend.logTail().get();
        if (lines != null) {
            for (String l : lines) {
                arr.add(Secrets.redact(l));
            }
        }
        return arr;
    }

    private static String outcome(CommandResult r) {
        return r.ok() ? "accepted" : "refused (" + r.reason() + ")";
    }
}
