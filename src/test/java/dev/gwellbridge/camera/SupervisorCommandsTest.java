package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands of HA-INTEGRATION §5.5 and their refusals. */
class SupervisorCommandsTest {
    private static final CameraInfo CAM = Fakes.camera("0A1B2C3D4E5F", "Front Door");

    private final Harness h = new Harness(Harness.always(), CAM).start();

    private List<CameraEvent.CommandFailed> commandFailures() {
        return h.heard.events(CAM.id()).stream()
                .filter(e -> e instanceof CameraEvent.CommandFailed)
                .map(e -> (CameraEvent.CommandFailed) e)
                .toList();
    }

    @Test
    void stopClosesTheSessionPersistsTheSwitchAndNeverReconnects() {
        h.streams(CAM);
        CommandResult r = h.command(CAM, new CameraCommand.Stop());

        assertThat(r.ok()).isTrue();
        assertThat(h.session(CAM).closed).isTrue();
        assertThat(h.media.last().closed).isTrue();
        assertThat(h.store.saved.get(CAM.id()).streamOn()).isFalse();
        assertThat(h.state(CAM).streamOn()).isFalse();
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.IDLE);
        assertThat(h.heard.events(CAM.id())).contains(new CameraEvent.StreamStopped(h.now(), "stopped"));

        h.advance(Duration.ofHours(2));
        assertThat(h.sessions(CAM)).isEqualTo(1);
        assertThat(h.command(CAM, new CameraCommand.Stop()).ok())
                .as("idempotent")
                .isTrue();
    }

    @Test
    void startAfterStopQueuesASessionAndPersistsAndIsIdempotent() {
        h.command(CAM, new CameraCommand.Stop());
        h.advance(Duration.ofSeconds(30));
        assertThat(h.command(CAM, new CameraCommand.Start()).ok()).isTrue();
        assertThat(h.store.saved.get(CAM.id()).streamOn()).isTrue();
        assertThat(h.sessions(CAM)).isEqualTo(2);

        int saves = h.store.saves.get();
        assertThat(h.command(CAM, new CameraCommand.Start()).ok()).isTrue();
        assertThat(h.sessions(CAM)).as("second start changes nothing").isEqualTo(2);
        assertThat(h.store.saves.get()).isEqualTo(saves);
    }

    @Test
    void stopDuringSetUpAbandonsTheAttempt() {
        h.command(CAM, new CameraCommand.Stop());
        assertThat(h.session(CAM).closed).isTrue();
        assertThat(h.heard.types(CAM.id())).doesNotContain("stream_stopped");
    }

    @Test
    void restartTearsDownAndRequeues() {
        h.streams(CAM);
        h.advance(Duration.ofSeconds(20));
        assertThat(h.command(CAM, new CameraCommand.Restart(false)).ok()).isTrue();
        assertThat(h.connector.of(CAM.id()).get(0).closed).isTrue();
        assertThat(h.sessions(CAM)).isEqualTo(2);
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.RECONNECTING);
        assertThat(h.heard.events(CAM.id())).contains(new CameraEvent.StreamStopped(h.now(), "restart"));
    }

    @Test
    void restartInBackoffIsRefusedUnlessForced() {
        h.fails(CAM, FailureReason.RELAY_ONLY);
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.BACKOFF);

        CommandResult refused = h.command(CAM, new CameraCommand.Restart(false));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.reason()).isEqualTo("backoff");
        assertThat(commandFailures()).containsExactly(new CameraEvent.CommandFailed(h.now(), "restart", "backoff"));
        assertThat(h.sessions(CAM)).isEqualTo(1);

        h.nextSession(CAM, Duration.ofMinutes(1));
        h.fails(CAM, FailureReason.RELAY_ONLY);
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.BACKOFF);
        h.advance(Duration.ofSeconds(16));
        assertThat(h.state(CAM).status()).as("second step is 30 s").isEqualTo(CameraStatus.BACKOFF);
        int before = h.sessions(CAM);
        assertThat(h.command(CAM, new CameraCommand.Restart(true)).ok()).isTrue();
        assertThat(h.sessions(CAM)).isEqualTo(before + 1);
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.RECONNECTING);
    }

    @Test
    void restartsAreSpacedTenSecondsApart() {
        h.streams(CAM);
        h.advance(Duration.ofSeconds(20));
        assertThat(h.command(CAM, new CameraCommand.Restart(false)).ok()).isTrue();
        h.advance(Duration.ofSeconds(5));
        CommandResult r = h.command(CAM, new CameraCommand.Restart(true));
        assertThat(r.reason()).isEqualTo("rate_limited");
        h.advance(Duration.ofSeconds(5));
        assertThat(h.command(CAM, new CameraCommand.Restart(false)).ok()).isTrue();
    }

    @Test
    void restartWhileSwitchedOffIsRefused() {
        h.command(CAM, new CameraCommand.Stop());
        assertThat(h.command(CAM, new CameraCommand.Restart(true)).reason()).isEqualTo("stream_off");
    }

    @Test
    void setQualityPersistsAndRestartsWithTheNewQuality() {
        h.streams(CAM);
        assertThat(h.session(CAM).request.quality()).isEqualTo(Quality.HD);
        h.advance(Duration.ofSeconds(20));

        assertThat(h.command(CAM, new CameraCommand.SetQuality(Quality.SD)).ok())
                .isTrue();

        assertThat(h.store.saved.get(CAM.id()).quality()).isEqualTo(Quality.SD);
        assertThat(h.connector.of(CAM.id()).get(0).closed).isTrue();
        assertThat(h.sessions(CAM)).isEqualTo(2);
        assertThat(h.session(CAM).request.quality()).isEqualTo(Quality.SD);
        assertThat(h.state(CAM).quality()).isEqualTo(Quality.SD);

        h.streams(CAM);
        h.command(CAM, new CameraCommand.SetQuality(Quality.SD));
        assertThat(h.sessions(CAM)).as("same quality: no restart").isEqualTo(2);
    }

    @Test
    void pinnedLanIpIsUsedForTheNextSessionAndCanBeUnpinned() {
        h.streams(CAM);
        assertThat(h.command(CAM, new CameraCommand.PinLanIp("192.168.1.50")).ok())
                .isTrue();
        assertThat(h.store.saved.get(CAM.id()).lanIp()).isEqualTo("192.168.1.50");
        assertThat(h.sessions(CAM)).as("no restart for a pin").isEqualTo(1);
        assertThat(h.state(CAM).info().lanIp()).isEqualTo("192.168.1.50");

        h.advance(Duration.ofSeconds(20));
        h.command(CAM, new CameraCommand.Restart(false));
        assertThat(h.session(CAM).request.camera().lanIp()).isEqualTo("192.168.1.50");

        CommandResult bad = h.command(CAM, new CameraCommand.PinLanIp("192.168.1.300"));
        assertThat(bad.reason()).isEqualTo("invalid_lan_ip");
        assertThat(h.store.saved.get(CAM.id()).lanIp()).isEqualTo("192.168.1.50");

        h.command(CAM, new CameraCommand.PinLanIp(""));
        assertThat(h.state(CAM).info().lanIp()).isEmpty();
    }

    @Test
    void snapshotWithoutASessionIsRefusedUnlessWake() {
        h.fails(CAM, FailureReason.RELAY_ONLY);
        CommandResult r = h.command(CAM, new CameraCommand.Snapshot(false));
        assertThat(r.reason()).isEqualTo("not_streaming");
        assertThat(commandFailures())
                .extracting(CameraEvent.CommandFailed::command)
                .containsExactly("snapshot");
        assertThat(h.command(CAM, new CameraCommand.Snapshot(true)).reason()).isEqualTo("backoff");
    }

    @Test
    void snapshotFromTheRunningSessionIsPublishedAndKept() {
        h.streams(CAM);
        CommandResult r = h.command(CAM, new CameraCommand.Snapshot(false));
        assertThat(r.ok()).isTrue();
        assertThat(h.heard.snapshots).containsExactly(CAM.id());
        assertThat(h.supervisor.latestSnapshot(CAM.id()))
                .hasValueSatisfying(j -> assertThat(j).startsWith((byte) 0xFF, (byte) 0xD8));
    }

    @Test
    void aFailingSnapshotIsRefusedWithAnEvent() {
        h.streams(CAM);
        h.media.last().nextSnapshot =
                java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("no keyframe"));
        CommandResult r = h.command(CAM, new CameraCommand.Snapshot(false));
        assertThat(r.reason()).isEqualTo("snapshot_failed");
        assertThat(commandFailures()).hasSize(1);
        assertThat(h.supervisor.latestSnapshot(CAM.id())).isEmpty();
    }

    @Test
    void unknownCamerasAreRefused() {
        CommandResult r = h.run(h.supervisor.command(CameraId.of("GW_GC1_FFFFFFFFFFFF"), new CameraCommand.Start()));
        assertThat(r.reason()).isEqualTo("unknown_camera");
    }

    @Test
    void commandsAcceptTheMacInPlaceOfTheDeviceId() {
        CommandResult r = h.run(h.supervisor.command(CameraId.of("0A1B2C3D4E5F"), new CameraCommand.Stop()));
        assertThat(r.ok()).isTrue();
        assertThat(h.state(CAM).streamOn()).isFalse();
    }

    @Test
    void bridgeWideStartStopAndRestart() {
        CameraInfo other = Fakes.camera("AABBCCDDEEFF", "Yard");
        Harness two = new Harness(Harness.always(), CAM, other).start();
        two.streams(CAM);
        two.nextSession(other, Duration.ofMinutes(1));
        two.streams(other);

        CommandResult stopped = two.run(two.supervisor.stopAll());
        assertThat(stopped.message()).contains("2 cameras");
        assertThat(two.supervisor.cameras()).allMatch(s -> !s.streamOn() && s.status() == CameraStatus.IDLE);

        two.advance(Duration.ofMinutes(1));
        two.run(two.supervisor.startAll());
        assertThat(two.supervisor.cameras()).allMatch(CameraState::streamOn);
        two.streams(CAM);
        two.nextSession(other, Duration.ofMinutes(1));
        two.streams(other);

        two.advance(Duration.ofMinutes(1));
        CommandResult r = two.run(two.supervisor.restartAll());
        assertThat(r.message()).contains("2 sessions");
        assertThat(two.sessions(CAM)).isEqualTo(3);
        assertThat(two.supervisor.handshakeQueueDepth()).isEqualTo(1);
        two.streams(CAM);
        two.nextSession(other, Duration.ofMinutes(1));
        assertThat(two.sessions(other)).isEqualTo(3);
    }
}
