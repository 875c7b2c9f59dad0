package dev.gwellbridge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
    private final AtomicLong now = new AtomicLong(10_000);
    private final AtomicLong bytes = new AtomicLong();
    private final ProgressMeter meter = new ProgressMeter(now::get, bytes::get);

    /** One block as ffmpeg 5.1 writes it with -progress and the tee muxer. */
    private void block(long frame) {
        for (String line : new String[] {
            "frame=" + frame,
            "fps=54.44",
            "stream_0_0_q=-1.0",
            "bitrate=N/A",
            "total_size=N/A",
            "out_time_us=8250000",
            "out_time_ms=8250000",
            "out_time=00:00:08.250000",
            "dup_frames=0",
            "drop_frames=0",
            "speed=2.72x",
            "progress=continue"
        }) {
            assertThat(ProgressMeter.isProgressLine(line)).as(line).isTrue();
            meter.accept(line);
        }
    }

    @Test
    void measuresFramesPerSecondAndInputBitrateBetweenBlocks() {
        block(100);
        now.addAndGet(1_000);
        bytes.addAndGet(125_000);
        block(120);

        ProgressMeter.Reading r = meter.latest();
        assertThat(r.fps()).isCloseTo(20.0, within(1e-9));
        assertThat(r.kbps()).isCloseTo(1_000.0, within(1e-9));
        assertThat(r.atMillis()).isEqualTo(11_000);
    }

    @Test
    void readsZeroUntilTwoBlocksWereSeen() {
        block(100);

        assertThat(meter.latest().fps()).isZero();
        assertThat(meter.lastProgressMillis()).isEqualTo(10_000);
    }

    @Test
    void mergesBlocksThatCameTooCloseTogether() {
        block(100);
        now.addAndGet(100);
        block(102);
        assertThat(meter.latest().fps()).isZero();

        now.addAndGet(900);
        block(120);
        assertThat(meter.latest().fps()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void eachBlockIsALivenessSignal() {
        assertThat(meter.lastProgressMillis()).isEqualTo(10_000);
        now.set(12_345);
        meter.accept("progress=continue");

        assertThat(meter.lastProgressMillis()).isEqualTo(12_345);
    }

    @Test
    void tellsProgressLinesFromLogLines() {
        assertThat(ProgressMeter.isProgressLine("[info] Stream mapping:")).isFalse();
        assertThat(ProgressMeter.isProgressLine("[tee @ 0x55] [warning] Timestamps are unset"))
                .isFalse();
        assertThat(ProgressMeter.isProgressLine("[info] frame=  200 fps= 42 q=-1.0 Lsize=N/A"))
                .isFalse();
        assertThat(ProgressMeter.isProgressLine("=x")).isFalse();
        assertThat(ProgressMeter.isProgressLine("out_time_us=8250000")).isTrue();
    }
}
