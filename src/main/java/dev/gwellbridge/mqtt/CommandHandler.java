package dev.gwellbridge.mqtt;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraControl;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.ha.BridgeAction;
import dev.gwellbridge.ha.BridgeStateMapper;
import dev.gwellbridge.ha.CameraClear;
import dev.gwellbridge.ha.Inbound;
import dev.gwellbridge.ha.RequestResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what arrives on the command and request topics: camera commands through the burst
 * gate to {@link CameraControl}, with refusals published as {@code command_failed}; bridge requests
 * answered on {@code bridge/response/<action>}. Retained commands are never obeyed, only cleared.
 *
 * <p>Confined to the bridge's {@code mqtt} thread; futures completing elsewhere hand back to it.
 */
final class CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final CameraControl control;
    private final StatePublisher publisher;
    private final Outbox outbox;
    private final RequestResponse responses;
    private final MqttScheduler scheduler;
    private final InstantSource clock;
    private final CommandGate gate;
    private final Supplier<BridgeStatus> status;
    private final Map<BridgeAction, Function<Inbound.BridgeRequest, CompletableFuture<Reply>>> actions =
            new EnumMap<>(BridgeAction.class);

    /** The outcome of a bridge request. */
    private record Reply(CommandResult result, Map<String, Object> data) {}

    CommandHandler(
            CameraControl control,
            StatePublisher publisher,
            Outbox outbox,
            RequestResponse responses,
            MqttScheduler scheduler,
            InstantSource clock,
            CommandGate gate,
            Supplier<BridgeStatus> status,
            Runnable announce) {
        this.control = control;
        this.publisher = publisher;
        this.outbox = outbox;
        this.responses = responses;
        this.scheduler = scheduler;
        this.clock = clock;
        this.gate = gate;
        this.status = status;
        actions.put(BridgeAction.REFRESH_CAMERAS, r -> fromControl(control.refreshCameras()));
        actions.put(BridgeAction.ANNOUNCE, r -> {
            announce.run();
            return done(CommandResult.accepted("Discovery and states republished."), Map.of());
        });
        actions.put(BridgeAction.START_ALL, r -> fromControl(control.startAll()));
        actions.put(BridgeAction.STOP_ALL, r -> fromControl(control.stopAll()));
        actions.put(BridgeAction.RESTART_STREAMS, r -> fromControl(control.restartAll()));
        actions.put(
                BridgeAction.HEALTH_CHECK,
                r -> done(
                        CommandResult.accepted("healthy"),
                        BridgeStateMapper.health(this.status.get(), this.clock.instant())));
    }

    /** Handles a camera command, a malformed camera command or a bridge request. */
    void handle(Inbound message, boolean retained) {
        if (retained) {
            LOG.warn(
                    "Ignored a retained message on {}: commands must not be retained (it would repeat at every "
                            + "start); clearing it",
                    message.topic());
            outbox.send(CameraClear.retainedCommand(message.topic()));
            return;
        }
        if (message instanceof Inbound.CameraRequest r) {
            cameraRequest(r);
        } else if (message instanceof Inbound.BadCameraRequest r) {
            badCameraRequest(r);
        } else if (message instanceof Inbound.BridgeRequest r) {
            bridgeRequest(r);
        }
    }

    /** Forgets a removed camera's burst state. */
    void forget(CameraId id) {
        gate.forget(id);
    }

    private void cameraRequest(Inbound.CameraRequest r) {
        Optional<CameraId> id = resolve(r.camera(), r.command().name());
        if (id.isEmpty()) {
            return;
        }
        long now = clock.millis();
        CommandGate.Offer offer = gate.offer(id.get(), r.command(), now);
        if (offer instanceof CommandGate.Offer.RunNow) {
            run(id.get(), r.command());
        } else if (offer instanceof CommandGate.Offer.Deferred d) {
            CommandGate.Key key = CommandGate.Key.of(id.get(), r.command());
            scheduler.schedule(() -> flush(key), Duration.ofMillis(Math.max(0, d.atMillis() - now)));
            LOG.debug("Camera {}: {} waits for the end of the coalescing window", id.get(), r.command());
        } else if (offer instanceof CommandGate.Offer.Replaced x) {
            LOG.debug("Camera {}: {} replaces {} within the coalescing window", id.get(), r.command(), x.dropped());
        }
    }

    private void flush(CommandGate.Key key) {
        gate.takePending(key, clock.millis()).ifPresent(c -> run(key.id(), c));
    }

    // The callback handles both outcomes; the future whenComplete returns carries nothing else.
    @SuppressWarnings("FutureReturnValueIgnored")
    private void run(CameraId id, CameraCommand command) {
        if (!gate.admitStart(id, command, clock.millis())) {
            publisher.commandFailed(id, command.name(), "rate_limited");
            return;
        }
        LOG.debug("Camera {}: {}", id, command);
        CompletableFuture<CommandResult> f;
        try {
            f = control.command(id, command);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((result, error) -> scheduler.execute(() -> {
            if (error != null) {
                LOG.warn("Command {} for camera {} failed", command.name(), id, error);
                publisher.commandFailed(id, command.name(), "internal");
            } else if (!result.ok()) {
                publisher.commandFailed(id, command.name(), result.reason().isEmpty() ? "refused" : result.reason());
            }
        }));
    }

    private void badCameraRequest(Inbound.BadCameraRequest r) {
        LOG.info("Refused {} on {}: {}", r.command(), r.topic(), r.message());
        resolve(r.camera(), r.command()).ifPresent(id -> publisher.commandFailed(id, r.command(), r.reason()));
    }

    private Optional<CameraId> resolve(String key, String command) {
        Optional<CameraId> id = control.find(key).map(CameraState::id);
        if (id.isEmpty()) {
            LOG.info("Command {} for unknown camera '{}'", command, key);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("camera", key);
            extra.put("command", command);
            extra.put("reason", "unknown_camera");
            publisher.bridgeEvent("command_failed", extra);
        }
        return id;
    }

    @SuppressWarnings("FutureReturnValueIgnored")
    private void bridgeRequest(Inbound.BridgeRequest r) {
        if (r.action() == null) {
            String known =
                    Arrays.stream(BridgeAction.values()).map(BridgeAction::wire).collect(Collectors.joining(", "));
            outbox.send(responses.error(
                    r.name(),
                    r.transaction(),
                    "Unknown action '" + r.name() + "'; known actions: " + known + ".",
                    Map.of("reason", "unknown_action")));
            return;
        }
        LOG.info("Bridge request {}", r.name());
        CompletableFuture<Reply> reply;
        try {
            reply = actions.get(r.action()).apply(r);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((x, error) -> scheduler.execute(() -> {
            if (error != null) {
                LOG.warn("Bridge request {} failed", r.name(), error);
                outbox.send(responses.error(
                        r.name(), r.transaction(), "Internal error; see the log.", Map.of("reason", "internal")));
            } else if (x.result().ok()) {
                outbox.send(responses.ok(r.name(), r.transaction(), x.data()));
            } else {
                outbox.send(responses.error(
                        r.name(),
                        r.transaction(),
                        x.result().message(),
                        Map.of("reason", x.result().reason())));
            }
        }));
    }

    private static CompletableFuture<Reply> fromControl(CompletableFuture<CommandResult> f) {
        return f.thenApply(result ->
                new Reply(result, result.message().isEmpty() ? Map.of() : Map.of("message", result.message())));
    }

    private static CompletableFuture<Reply> done(CommandResult result, Map<String, Object> data) {
        return CompletableFuture.completedFuture(new Reply(result, data));
    }
}
