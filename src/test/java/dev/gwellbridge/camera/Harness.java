package dev.gwellbridge.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/** A supervisor on a virtual clock with fake ports, and shortcuts for playing sessions. */
final class Harness {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final VirtualScheduler clock = new VirtualScheduler(T0);
    final Fakes.Credentials account;
    final Fakes.Connector connector = new Fakes.Connector(clock);
    final Fakes.Media media = new Fakes.Media();
    final Fakes.Store store;
    final Fakes.Recorder heard = new Fakes.Recorder();
    final SupervisorSettings settings;
    CameraSupervisor supervisor;

    Harness(SupervisorSettings settings, CameraInfo... cameras) {
        this(settings, new Fakes.Store(), cameras);
    }

    Harness(SupervisorSettings settings, Fakes.Store store, CameraInfo... cameras) {
        this.settings = settings;
        this.store = store;
        this.account = new Fakes.Credentials(clock, cameras);
        this.supervisor = newSupervisor();
    }

    CameraSupervisor newSupervisor() {
        return new CameraSupervisor(account, connector, media, store, settings, clock, clock, new SplittableRandom(42));
    }

    static SupervisorSettings settings(StreamMode mode) {
        return new SupervisorSettings(
                mode,
                Quality.HD,
                Duration.ofSeconds(15),
                Duration.ofSeconds(120),
                Duration.ofSeconds(120),
                Duration.ofMinutes(10),
                List.of());
    }

    static SupervisorSettings always() {
        return settings(StreamMode.ALWAYS);
    }

    static SupervisorSettings onDemand() {
        return settings(StreamMode.ON_DEMAND);
    }

    Harness start() {
        supervisor.addListener(heard);
        supervisor.start();
        clock.runDue();
        return this;
    }

    CameraState state(CameraInfo c) {
        return supervisor.find(c.id().deviceId()).orElseThrow();
    }

    Fakes.Connector.Session session(CameraInfo c) {
        return connector.last(c.id());
    }

    int sessions(CameraInfo c) {
        return connector.of(c.id()).size();
    }

    /** The camera's latest session reports streaming. */
    void streams(CameraInfo c) {
        session(c).handler.onStreaming(Transport.LAN_UDP);
        clock.runDue();
    }

    /** The camera's latest session delivers some H.264 bytes. */
    void video(CameraInfo c, int bytes) {
        session(c).handler.onVideo(new byte[bytes + 4], 2, bytes);
    }

    /** The camera's latest session ends with a failure. */
    void fails(CameraInfo c, FailureReason reason) {
        session(c).handler.onEnded(reason, "test failure");
        clock.runDue();
    }

    /** Advances until the camera has a new session; returns when it was opened. */
    Instant nextSession(CameraInfo c, Duration limit) {
        int before = sessions(c);
        clock.advanceUntil(() -> sessions(c) > before, limit);
        return session(c).openedAt;
    }

    CommandResult command(CameraInfo c, CameraCommand command) {
        CompletableFuture<CommandResult> f = supervisor.command(c.id(), command);
        clock.runDue();
        return f.getNow(null);
    }

    CommandResult run(CompletableFuture<CommandResult> f) {
        clock.runDue();
        return f.getNow(null);
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    Instant now() {
        return clock.instant();
    }
}
