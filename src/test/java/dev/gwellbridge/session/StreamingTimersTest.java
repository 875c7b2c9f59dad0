package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.RelayEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming loop's timers (GWELL-PROTOCOL.md §11.6 item 8), from the start of streaming. */
class StreamingTimersTest {
    private static final Ipv4Endpoint RELAY = Ipv4Endpoint.parse("127.0.0.1:45001");

    private static Harness streaming(ForkFeatures features, long runMs) {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.relays = List.of(new RelayEntry(1, 0, RELAY));
        Harness h = new Harness(peers, Harness.lanConfig().features(features).build(), Harness.entropy(11)).start();
        h.runUntilStreaming(10_000);
        h.runFor(runMs);
        return h;
    }

    /** Times of {@code kind} sent after streaming began, relative to it. */
    private static List<Long> after(Harness h, String kind) {
        long s = h.streamingAt();
        return h.sentOfKind(kind).stream()
                .filter(x -> x.at() > s)
                .map(x -> x.at() - s)
                .toList();
    }

    private static List<Long> every(long period, long until) {
        List<Long> out = new ArrayList<>();
        for (long t = period; t <= until; t += period) {
            out.add(t);
        }
        return out;
    }

    @Test
    void renewalEveryFifteenSecondsAndRelayReRegistrationEveryTenWithTheForkSwitches() {
        Harness h = streaming(ForkFeatures.FORK, 61_000);

        // The renewal is queued on the CTRL engine and leaves at its next 10 ms update.
        List<Long> renewals = after(h, "K:CTRL:initreq:engine");
        List<Long> expected = every(15_000, 61_000);
        assertThat(renewals).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(renewals.get(i)).isBetween(expected.get(i), expected.get(i) + 9);
        }
        List<Harness.Sent> registrations = h.sentTo(RELAY).stream()
                .filter(s -> s.at() > h.streamingAt() && h.kinds(s).contains("M:registration"))
                .toList();
        assertThat(registrations.stream().map(s -> s.at() - h.streamingAt()).toList())
                .isEqualTo(every(10_000, 61_000));
        // Past the ten activation rounds, SessionSocket sub 1 only comes with the re-registration.
        assertThat(after(h, "G:ca:socket1").stream().filter(t -> t > 5_000).toList())
                .isEqualTo(every(10_000, 61_000));
        assertThat(h.sentOfKind("G:ca:socket1").stream().filter(s -> s.at() > h.streamingAt() + 5_000))
                .allSatisfy(s -> assertThat(s.to()).isEqualTo(Harness.SERVER));
    }

    @Test
    void withoutTheForkSwitchesThereIsNoRenewalAndNoReRegistration() {
        Harness h = streaming(ForkFeatures.REFERENCE, 61_000);

        assertThat(after(h, "K:CTRL:initreq:engine")).isEmpty();
        assertThat(after(h, "M:registration")).isEmpty();
        assertThat(after(h, "G:ca:socket3")).isEqualTo(every(10_000, 61_000));
    }

    @Test
    void statisticsAreReportedEveryThirtySeconds() {
        Harness h = streaming(ForkFeatures.FORK, 61_000);

        assertThat(h.events).filteredOn(SessionEvent.Stats.class::isInstance).hasSize(2);
    }

    @Test
    void noVideoForTheStallWindowEndsTheSessionAsStalled() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        Harness h =
                new Harness(peers, Harness.lanConfig().stallTimeoutMillis(5_000).build(), Harness.entropy(12)).start();
        h.runFor(60_000);

        assertThat(h.failure()).isEqualTo(FailureReason.STREAM_STALLED);
        assertThat(h.now - h.streamingAt()).isEqualTo(5_000);
    }

    @Test
    void theStallWindowCountsFromTheLastVideo() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        byte[] video = LanSessionTest.h264(2_000, 8);
        peers.camera.setVideo(java.util.Arrays.copyOf(video, 1_000));
        Harness h =
                new Harness(peers, Harness.lanConfig().stallTimeoutMillis(5_000).build(), Harness.entropy(13)).start();
        h.runUntilStreaming(10_000);
        h.runFor(4_000);
        peers.camera.setVideo(video);
        h.runUntil(() -> h.video.size() == video.length, h.now + 1_000);
        long last = h.now;
        h.runFor(60_000);

        assertThat(h.video.toByteArray()).isEqualTo(video);
        assertThat(h.failure()).isEqualTo(FailureReason.STREAM_STALLED);
        assertThat(h.now - h.streamingAt()).isGreaterThan(8_000);
        assertThat(h.now - last).isBetween(4_990L, 5_000L);
    }
}
