package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listeners get the current state first, then changes; one that throws harms nobody. */
class SupervisorListenerTest {
    private static final CameraInfo A = Fakes.camera("00000000000A", "Alpha");
    private static final CameraInfo B = Fakes.camera("00000000000B", "Bravo");

    @Test
    void aNewListenerFirstHearsEveryCamerasCurrentState() {
        Harness h = new Harness(Harness.always(), A, B).start();
        h.streams(A);
        Fakes.Recorder late = new Fakes.Recorder();
        h.supervisor.addListener(late);
        h.clock.runDue();

        assertThat(late.states).hasSize(2);
        assertThat(late.states.get(0).slug()).isEqualTo("alpha");
        assertThat(late.states.get(0).status()).isEqualTo(CameraStatus.STREAMING);
        assertThat(late.states.get(1).slug()).isEqualTo("bravo");
        assertThat(late.states.get(1).status()).isEqualTo(CameraStatus.STARTING);

        h.nextSession(B, Duration.ofMinutes(1));
        h.streams(B);
        assertThat(late.states.get(late.states.size() - 1).status()).isEqualTo(CameraStatus.STREAMING);
        assertThat(late.events).isNotEmpty();
    }

    @Test
    void aThrowingListenerIsIsolated() {
        List<String> calls = new ArrayList<>();
        CameraListener broken = new CameraListener() {
            @Override
            public void onState(CameraState state) {
                calls.add("state");
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onEvent(CameraId id, CameraEvent event) {
                calls.add("event");
                throw new IllegalStateException("listener bug");
            }
        };
        Harness h = new Harness(Harness.always(), A);
        h.supervisor.addListener(broken);
        h.start();
        h.streams(A);
        h.video(A, 100);

        assertThat(calls).contains("state", "event");
        assertThat(h.heard.types(A.id())).containsExactly("stream_started");
        assertThat(h.state(A).status()).isEqualTo(CameraStatus.STREAMING);
        assertThat(h.media.last().bytes.get()).isEqualTo(100);
        assertThat(h.session(A).closed).isFalse();
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        Harness h = new Harness(Harness.always(), A).start();
        Fakes.Recorder r = new Fakes.Recorder();
        h.supervisor.addListener(r);
        h.clock.runDue();
        h.supervisor.removeListener(r);
        int states = r.states.size();
        h.streams(A);
        assertThat(r.states).hasSize(states);
        assertThat(r.events).isEmpty();
    }

    @Test
    void liveFiguresAloneAreAnnouncedAtMostEveryThirtySeconds() {
        Harness h = new Harness(Harness.always(), A).start();
        h.streams(A);
        int before = h.heard.states.size();
        for (int i = 0; i < 60; i++) {
            h.video(A, 1000);
            h.advance(Duration.ofSeconds(1));
        }
        int announced = h.heard.states.size() - before;
        assertThat(announced).isBetween(1, 2);
        assertThat(h.state(A).stats().bytes()).isEqualTo(60_000);
    }
}
