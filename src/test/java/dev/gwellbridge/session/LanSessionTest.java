package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.Transport;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A whole LAN session against prompt fake peers, on the virtual clock. */
class LanSessionTest {

    static byte[] h264(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    @Test
    void streamsTheCamerasH264ByteForByte() {
        Harness h = Harness.lan();
        byte[] video = h264(200_000, 7);
        h.peers.camera.setVideo(video);
        h.start().runUntil(() -> h.video.size() >= video.length, Harness.START + 30_000);

        assertThat(h.failure()).isNull();
        assertThat(h.video.toByteArray()).isEqualTo(video);
        assertThat(h.events).anySatisfy(e -> assertThat(e).isEqualTo(new SessionEvent.Streaming(Transport.LAN_UDP)));
    }

    @Test
    void reachesTheFirstVideoByteWellUnderOneSecondAgainstPromptPeers() {
        Harness h = Harness.lan();
        h.peers.camera.setVideo(h264(5_000, 3));
        h.start().runUntil(() -> h.video.size() > 0, Harness.START + 30_000);

        assertThat(h.video.size()).isPositive();
        assertThat(h.now - Harness.START).isLessThan(1_000);
    }
}
