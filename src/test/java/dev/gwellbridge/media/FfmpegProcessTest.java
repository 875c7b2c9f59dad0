package dev.gwellbridge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.h264.FrameRate;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FfmpegProcessTest {
    private final VirtualClock clock = new VirtualClock();
    private final FakeProcess fake = new FakeProcess();

    private FfmpegProcess start() throws Exception {
        return FfmpegProcess.start("cam", List.of("ffmpeg"), pb -> fake, clock, () -> 0, null, FrameRate.ofFps(20));
    }

    @Test
    void keepsTheLastLogLinesWithUrlCredentialsMasked() throws Exception {
        FfmpegProcess p = start();
        fake.emit("[info] Output #0, tee, to '[f=rtsp:onfail=ignore]rtsp://publisher:s3cret@127.0.0.1:8554/cam'");
        fake.emit("frame=3");
        fake.emit("progress=continue");
        fake.emit("[fatal] Conversion failed!");
        fake.exit(1);

        assertThat(p.awaitExit()).isEqualTo(OptionalLong.of(1));
        assertThat(p.tail())
                .contains("rtsp://***@127.0.0.1:8554/cam", "[fatal] Conversion failed!")
                .doesNotContain("s3cret")
                .doesNotContain("publisher")
                .doesNotContain("frame=3");
    }

    @Test
    void tracksAFailingOutputUntilItRecovers() throws Exception {
        FfmpegProcess p = start();
        fake.emit("[fifo @ 0x55] [info] Recovery failed: Connection refused");
        await().atMost(Duration.ofSeconds(5)).until(p::outputFailing);

        fake.emit("[fifo @ 0x55] [info] Recovery successful");
        await().atMost(Duration.ofSeconds(5)).until(() -> !p.outputFailing());
        fake.exit(0);
    }
}
