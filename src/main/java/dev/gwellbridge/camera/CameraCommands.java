package dev.gwellbridge.camera;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Carries out the commands of HA-INTEGRATION §5.5 on one camera. Every refusal names a snake_case
 * reason and is published as a {@code command_failed} event. Runs on the serial lane.
 */
final class CameraCommands {
    /** At most one restart per camera in this time (HA-INTEGRATION §5.5). */
    static final Duration RESTART_SPACING = Duration.ofSeconds(10);

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private CameraCommands() {}

    static void run(CameraWorker w, CameraCommand c, CompletableFuture<CommandResult> f) {
        CommandResult r;
        if (c instanceof CameraCommand.Start) {
            r = start(w);
        } else if (c instanceof CameraCommand.Stop) {
            r = stop(w);
        } else if (c instanceof CameraCommand.Restart restart) {
            r = restart(w, restart.force());
        } else if (c instanceof CameraCommand.SetQuality q) {
            r = quality(w, q.quality());
        } else if (c instanceof CameraCommand.PinLanIp pin) {
            r = pin(w, pin.lanIp());
        } else if (c instanceof CameraCommand.Snapshot s) {
            snapshot(w, s, f);
            return;
        } else {
            r = CommandResult.refused("unsupported", "This command is not supported.");
        }
        w.answer(f, c, r);
    }

    private static CommandResult start(CameraWorker w) {
        if (!w.overrides.enabled()) {
            return disabled();
        }
        if (!w.stored.streamOn()) {
            w.stored = w.stored.withStreamOn(true);
            w.ctx.persist.accept(w);
        }
        w.reconcile("start");
        return CommandResult.accepted(
                w.mode() == StreamMode.ALWAYS
                        ? "Stream switched on."
                        : "Stream switched on; it starts when someone watches.");
    }

    private static CommandResult stop(CameraWorker w) {
        if (w.stored.streamOn()) {
            w.stored = w.stored.withStreamOn(false);
            w.ctx.persist.accept(w);
        }
        w.lastDemand = null;
        w.snapshots.refuseWaiting("stream_off", "The stream was switched off.");
        w.reconcile("stopped");
        return CommandResult.accepted("Stream switched off.");
    }

    private static CommandResult restart(CameraWorker w, boolean force) {
        if (!w.overrides.enabled()) {
            return disabled();
        }
        if (!w.stored.streamOn()) {
            return streamOff();
        }
        if (w.inBackoff() && !force) {
            return CommandResult.refused(
                    "backoff", "The camera is waiting before its next attempt; send force to restart anyway.");
        }
        if (w.lastRestart != null && w.now().isBefore(w.lastRestart.plus(RESTART_SPACING))) {
            return CommandResult.refused("rate_limited", "At most one restart per camera every 10 seconds.");
        }
        w.lastRestart = w.now();
        if (w.mode() == StreamMode.ON_DEMAND) {
            w.lastDemand = w.now();
        }
        w.restart("restart");
        return CommandResult.accepted("Restarting the stream.");
    }

    private static CommandResult quality(CameraWorker w, Quality q) {
        if (q == null) {
            return CommandResult.refused("invalid_quality", "Quality must be hd or sd.");
        }
        w.stored = w.stored.withQuality(q);
        w.ctx.persist.accept(w);
        Attempt a = w.attempt;
        if (a != null && a.quality != w.quality()) {
            w.restart("quality");
        } else {
            w.view.publish();
        }
        return CommandResult.accepted("Quality set to " + q.wire() + ".");
    }

    private static CommandResult pin(CameraWorker w, String lanIp) {
        String ip = lanIp == null ? "" : lanIp.trim();
        if (!ip.isEmpty() && !IPV4.matcher(ip).matches()) {
            return CommandResult.refused("invalid_lan_ip", "The LAN IP must be a dotted IPv4 address.");
        }
        w.stored = w.stored.withLanIp(ip);
        w.ctx.persist.accept(w);
        w.view.publish();
        return CommandResult.accepted(
                ip.isEmpty() ? "LAN IP unpinned." : "LAN IP pinned to " + ip + "; used from the next session.");
    }

    private static void snapshot(CameraWorker w, CameraCommand.Snapshot s, CompletableFuture<CommandResult> f) {
        if (!w.overrides.enabled()) {
            w.answer(f, s, disabled());
            return;
        }
        Attempt a = w.attempt;
        if (a != null && a.streaming) {
            w.snapshots.fromSession(a, s, f);
            return;
        }
        if (!s.wake()) {
            w.answer(f, s, CommandResult.refused("not_streaming", "No session is running; send wake to start one."));
        } else if (!w.stored.streamOn()) {
            w.answer(f, s, streamOff());
        } else if (w.retry != null) {
            w.answer(f, s, CommandResult.refused("backoff", "The camera is waiting before its next attempt."));
        } else {
            w.snapshots.wake(s, f);
            w.reconcile("snapshot");
        }
    }

    private static CommandResult disabled() {
        return CommandResult.refused("disabled", "The camera is switched off in the add-on options.");
    }

    private static CommandResult streamOff() {
        return CommandResult.refused("stream_off", "The stream is switched off.");
    }
}
