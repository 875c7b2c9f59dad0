package dev.gwellbridge.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.config.Secrets;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code api/account} and {@code api/credentials}: which account fields are stored (never their
 * values) and "Test and save". Submitted secrets are registered with {@link Secrets} before anything
 * else happens, so no later log line or answer can carry them; the log names the Home Assistant user
 * and the fields, never values. Accepted credentials trigger a camera-list refresh, so the cameras
 * of a newly saved account appear without waiting for the supervisor's next retry.
 */
final class AccountRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AccountRoutes.class);

    private final WebBackend backend;
    private final Runnable changed;

    AccountRoutes(WebBackend backend, Runnable changed) {
        this.backend = backend;
        this.changed = changed;
    }

    void get(Context ctx) {
        Json.send(ctx, 200, view());
    }

    void testAndSave(Context ctx) {
        ObjectNode body = Json.body(ctx);
        AccountCredentials c = new AccountCredentials(
                Json.text(body, "email"),
                Json.text(body, "password"),
                Json.text(body, "api_id"),
                Json.text(body, "api_key"),
                Json.text(body, "totp_key"));
        Secrets.register(c.password());
        Secrets.register(c.apiId());
        Secrets.register(c.apiKey());
        Secrets.register(c.totpKey());
        if (!c.email().isEmpty() && !c.email().contains("@")) {
            throw ApiError.badRequest("email", "an e-mail address");
        }
        String user = RemoteUser.describe(ctx);
        String fields = fieldNames(c);
        LOG.info("Page: {} submitted Wyze credentials ({}) for test and save", user, fields);
        CommandResult r = backend.account().testAndSave(c);
        if (r == null) {
            throw new ApiError(500, "internal", "The account gave no answer.");
        }
        LOG.info(
                "Page: Wyze credentials from {} {}",
                user,
                r.ok() ? "were accepted and saved" : "were refused (" + r.reason() + ")");
        if (r.ok()) {
            refreshCameras();
        }
        changed.run();
        ObjectNode out = Views.result(r);
        CloudStatus status = backend.account().status();
        out.set("backoff_until", Json.instant(status.backoffUntil()));
        out.set("account", view());
        Json.send(ctx, r.ok() ? 200 : 409, out);
    }

    /**
     * A newly working account may list cameras the supervisor has not seen (it may still be waiting
     * out the backoff after "no account configured"), so the list is re-read at once.
     */
    private void refreshCameras() {
        try {
            var unused = backend.cameras().refreshCameras().whenComplete((result, error) -> {
                if (error != null) {
                    LOG.warn("Refreshing the camera list after saving the account failed: {}", error.toString());
                } else if (result != null) {
                    LOG.info("Camera list after saving the account: {}", result.message());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Refreshing the camera list after saving the account failed: {}", e.toString());
        }
    }

    private ObjectNode view() {
        return Views.account(backend.account().fields(), backend.account().status());
    }

    private static String fieldNames(AccountCredentials c) {
        List<String> names = new ArrayList<>();
        if (!c.email().isEmpty()) {
            names.add("email");
        }
        if (!c.password().isEmpty()) {
            names.add("password");
        }
        if (!c.apiId().isEmpty()) {
            names.add("API key id");
        }
        if (!c.apiKey().isEmpty()) {
            names.add("API key");
        }
        if (!c.totpKey().isEmpty()) {
            names.add("TOTP secret");
        }
        return names.isEmpty() ? "no new fields, retesting the stored ones" : String.join(", ", names);
    }
}
