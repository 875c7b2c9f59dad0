package dev.gwellbridge.web;

import dev.gwellbridge.camera.CommandResult;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits for a command's outcome and answers with it: 200 when accepted, 409 when refused. */
final class Commands {
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);
    private static final long TIMEOUT_S = 20;

    private Commands() {}

    static CommandResult await(CompletableFuture<CommandResult> future, String what) {
        try {
            CommandResult r = future.get(TIMEOUT_S, TimeUnit.SECONDS);
            if (r == null) {
                throw new ApiError(500, "internal", "The bridge gave no answer to " + what + ".");
            }
            return r;
        } catch (TimeoutException e) {
            throw new ApiError(
                    504, "timeout", "The bridge did not answer in time; " + what + " may still be carried out.");
        } catch (ExecutionException e) {
            LOG.warn("Page command {} failed", what, e.getCause());
            throw new ApiError(500, "internal", "The command failed unexpectedly; see the log.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "shutting_down", "The bridge is shutting down.");
        }
    }

    static void answer(Context ctx, CommandResult r) {
        Json.send(ctx, r.ok() ? 200 : 409, Views.result(r));
    }
}
