package dev.gwellbridge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.Quality;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandGateTest {
    private static final CameraId A = CameraId.of("GW_GC1_000000000001");
    private static final CameraId B = CameraId.of("GW_GC1_000000000002");
    private final CommandGate gate = new CommandGate(Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void firstCommandRunsAndTheRestOfTheWindowWaitsForItsEnd() {
        assertThat(gate.offer(A, new CameraCommand.Stop(), 0)).isInstanceOf(CommandGate.Offer.RunNow.class);
        assertThat(gate.offer(A, new CameraCommand.Start(), 500)).isEqualTo(new CommandGate.Offer.Deferred(2000));
        assertThat(gate.offer(A, new CameraCommand.Stop(), 900))
                .isEqualTo(new CommandGate.Offer.Replaced(new CameraCommand.Start()));
        assertThat(gate.offer(A, new CameraCommand.Start(), 1000))
                .isEqualTo(new CommandGate.Offer.Replaced(new CameraCommand.Stop()));

        assertThat(gate.takePending(new CommandGate.Key(A, "stream"), 2000)).contains(new CameraCommand.Start());
        assertThat(gate.takePending(new CommandGate.Key(A, "stream"), 2000)).isEmpty();
    }

    @Test
    void windowsAreKeptPerCameraAndFeature() {
        gate.offer(A, new CameraCommand.Start(), 0);

        assertThat(gate.offer(B, new CameraCommand.Start(), 10)).isInstanceOf(CommandGate.Offer.RunNow.class);
        assertThat(gate.offer(A, new CameraCommand.SetQuality(Quality.SD), 10))
                .isInstanceOf(CommandGate.Offer.RunNow.class);
        assertThat(gate.offer(A, new CameraCommand.Stop(), 2000)).isInstanceOf(CommandGate.Offer.RunNow.class);
    }

    @Test
    void pendingRepeatOfTheCommandThatRanIsDropped() {
        gate.offer(A, new CameraCommand.Start(), 0);
        gate.offer(A, new CameraCommand.Stop(), 100);
        gate.offer(A, new CameraCommand.Start(), 200);

        assertThat(gate.takePending(new CommandGate.Key(A, "stream"), 2000)).isEmpty();
    }

    @Test
    void startLimitCountsStartsAndRestartsPerCamera() {
        assertThat(gate.admitStart(A, new CameraCommand.Start(), 0)).isTrue();
        assertThat(gate.admitStart(A, new CameraCommand.Restart(true), 9_999)).isFalse();
        assertThat(gate.admitStart(A, new CameraCommand.Stop(), 9_999)).isTrue();
        assertThat(gate.admitStart(A, new CameraCommand.Snapshot(true), 9_999)).isTrue();
        assertThat(gate.admitStart(B, new CameraCommand.Restart(false), 9_999)).isTrue();
        assertThat(gate.admitStart(A, new CameraCommand.Restart(false), 10_000)).isTrue();
    }

    @Test
    void forgetClearsAllOfACamerasState() {
        gate.offer(A, new CameraCommand.Start(), 0);
        gate.offer(A, new CameraCommand.Stop(), 10);
        gate.admitStart(A, new CameraCommand.Start(), 0);

        gate.forget(A);

        assertThat(gate.takePending(new CommandGate.Key(A, "stream"), 20)).isEmpty();
        assertThat(gate.offer(A, new CameraCommand.Stop(), 20)).isInstanceOf(CommandGate.Offer.RunNow.class);
        assertThat(gate.admitStart(A, new CameraCommand.Start(), 20)).isTrue();
    }
}
