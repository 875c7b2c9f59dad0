package dev.gwellbridge.app;

import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraSupervisor;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.MqttStatus;
import dev.gwellbridge.camera.ThreadedScheduler;
import dev.gwellbridge.config.JsonCameraStore;
import dev.gwellbridge.config.Options;
import dev.gwellbridge.config.SupervisorOptions;
import dev.gwellbridge.media.FfmpegMediaPort;
import dev.gwellbridge.media.MediaSettings;
import dev.gwellbridge.mqtt.MqttBridge;
import dev.gwellbridge.mqtt.MqttSettings;
import dev.gwellbridge.web.WebBackend;
import dev.gwellbridge.web.WebServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole product assembled by hand: media, the camera supervisor, MQTT and the page, around a
 * credential source and a stream connector given by the caller. {@link #close()} shuts everything
 * down in an order that publishes {@code offline} first and stays within the add-on's stop window.
 */
final class Bridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);
    /** The whole stop must fit in the 5 s the add-on allows after SIGTERM; each step gets a share. */
    private static final Duration MQTT_STOP = Duration.ofMillis(1500);

    private static final Duration SUPERVISOR_STOP = Duration.ofMillis(2500);

    private final BridgeSetup setup;
    private final Instant startedAt;
    private final Liveness liveness;
    private final ThreadedScheduler scheduler;
    private final FfmpegMediaPort media;
    private final CameraSupervisor supervisor;
    private final MqttBridge mqtt;
    private final WebServer web;
    private boolean closed;

    private Bridge(BridgeSetup setup) {
        this.setup = setup;
        this.startedAt = setup.clock().instant();
        this.liveness = new Liveness(setup.clock());
        Options o = setup.options();
        this.scheduler = new ThreadedScheduler();
        this.media = new FfmpegMediaPort(
                MediaSettings.of(setup.dataDir().root(), setup.advertiseHost(), o.rtspPort(), o.hlsPort())
                        .withFfmpeg(setup.ffmpeg()));
        this.supervisor = new CameraSupervisor(
                setup.credentials(),
                setup.connector(),
                media,
                new JsonCameraStore(setup.dataDir().cameras(), setup.clock()),
                SupervisorOptions.settings(o),
                setup.clock(),
                scheduler,
                setup.random());
        this.mqtt = setup.broker().enabled() ? newMqtt(setup) : null;
        this.web = new WebServer(
                setup.web(),
                new WebBackend(
                        supervisor,
                        setup.account(),
                        this::status,
                        media::urls,
                        this::announce,
                        setup.logTail()::lines,
                        liveness::alive,
                        setup.clock()),
                Version.get());
    }

    private MqttBridge newMqtt(BridgeSetup s) {
        BrokerChoice b = s.broker();
        MqttSettings settings = new MqttSettings(
                b.host(),
                b.port(),
                b.username(),
                b.password(),
                s.options().mqtt().baseTopic(),
                s.options().mqtt().discoveryPrefix(),
                s.installIdHex(),
                s.ingressSlug());
        return new MqttBridge(
                settings, supervisor, this::status, media::urls, s.dataDir().root(), s.clock(), s.random(), r -> {
                    Thread t = new Thread(r, "mqtt");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Builds and starts everything; the page answers when this returns. */
    static Bridge start(BridgeSetup setup) {
        Bridge bridge = new Bridge(setup);
        bridge.web.start();
        LOG.info("page listening on {}:{}", setup.web().bindHost(), bridge.web.port());
        if (bridge.mqtt != null) {
            bridge.mqtt.start();
            LOG.info(
                    "MQTT broker {} ({})",
                    setup.broker().broker(),
                    setup.broker().source());
        } else {
            LOG.warn("MQTT is off: {}", setup.broker().reason());
        }
        bridge.supervisor.start();
        return bridge;
    }

    /** The port the page listens on. */
    int webPort() {
        return web.port();
    }

    CameraSupervisor supervisor() {
        return supervisor;
    }

    /** The bridge as the page, {@code bridge/state} and {@code api/health} show it. */
    BridgeStatus status() {
        var cameras = supervisor.cameras();
        return new BridgeStatus(
                Version.get(),
                startedAt,
                supervisor.handshakeQueueDepth(),
                setup.account().status(),
                mqttStatus(),
                BridgeStatus.CameraCounts.of(cameras),
                setup.problems());
    }

    private MqttStatus mqttStatus() {
        var m = setup.options().mqtt();
        return mqtt != null
                ? mqtt.status()
                : MqttStatus.off(setup.broker().reason(), m.baseTopic(), m.discoveryPrefix());
    }

    private CommandResult announce() {
        if (mqtt == null) {
            return CommandResult.refused(
                    "mqtt_off", "MQTT is off: " + setup.broker().reason());
        }
        mqtt.announce();
        return CommandResult.accepted("Discovery and states republished.");
    }

    /** Stops everything: MQTT says offline, sessions and ffmpeg end, state is flushed, the page closes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("stopping");
        if (mqtt != null) {
            await("MQTT", () -> mqtt.stop().get(MQTT_STOP.toMillis(), TimeUnit.MILLISECONDS));
        }
        await("cameras", () -> supervisor.shutdown().get(SUPERVISOR_STOP.toMillis(), TimeUnit.MILLISECONDS));
        media.close();
        if (setup.connector() instanceof AutoCloseable c) {
            await("sessions", c::close);
        }
        if (mqtt != null) {
            mqtt.close();
        }
        web.close();
        scheduler.close();
        liveness.close();
        LOG.info("stopped");
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void await(String what, Step step) {
        try {
            step.run();
        } catch (TimeoutException e) {
            LOG.warn("{} did not stop in time; going on", what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn(
                    "{} stopped with an error: {}",
                    what,
                    e.getCause() == null ? e : e.getCause().toString());
        } catch (Exception e) {
            LOG.warn("{} stopped with an error: {}", what, e.toString());
        }
    }

    /** Problems as the page lists them. */
    static List<String> messages(List<dev.gwellbridge.config.OptionsProblem> problems) {
        return problems.stream()
                .map(dev.gwellbridge.config.OptionsProblem::message)
                .toList();
    }
}
