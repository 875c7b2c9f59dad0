package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Video that arrives between the session's streaming report and the media output opening on the
 * serial lane starts with the stream's first keyframe; it reaches the media output first and in
 * order.
 */
class SupervisorEarlyVideoTest {
    private static final CameraInfo CAM = Fakes.camera("0A1B2C3D4E5F", "Front Door");

    private static byte[] chunk(int n, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (n * 31 + i);
        }
        return b;
    }

    @Test
    void videoBeforeTheMediaOutputOpensIsHandedToItFirstAndInOrder() {
        Harness h = new Harness(Harness.always(), CAM).start();
        StreamHandler session = h.session(CAM).handler;
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        session.onStreaming(Transport.LAN_UDP);
        for (int i = 0; i < 5; i++) {
            byte[] c = chunk(i, 1000 + i);
            session.onVideo(c, 0, c.length);
            sent.write(c, 0, c.length);
        }
        assertThat(h.media.outputs).as("the lane has not run yet").isEmpty();

        h.clock.runDue();
        for (int i = 5; i < 8; i++) {
            byte[] framed = new byte[1204];
            System.arraycopy(chunk(i, 1200), 0, framed, 2, 1200);
            session.onVideo(framed, 2, 1200);
            sent.write(framed, 2, 1200);
        }

        Fakes.Media.Output out = h.media.last();
        assertThat(out.received()).isEqualTo(sent.toByteArray());
        assertThat(h.state(CAM).status()).isEqualTo(CameraStatus.STREAMING);
    }

    @Test
    void tooMuchVideoBeforeTheMediaOutputIsDroppedRatherThanHeld() {
        Harness h = new Harness(Harness.always(), CAM).start();
        StreamHandler session = h.session(CAM).handler;
        session.onStreaming(Transport.LAN_UDP);
        byte[] big = new byte[64 * 1024];
        for (int sent = 0; sent <= Attempt.EARLY_VIDEO_LIMIT; sent += big.length) {
            session.onVideo(big, 0, big.length);
        }

        h.clock.runDue();
        byte[] later = chunk(9, 500);
        session.onVideo(later, 0, later.length);

        assertThat(h.media.last().received()).isEqualTo(later);
    }
}
