package dev.gwellbridge.media;

import static dev.gwellbridge.h264.H264Fixtures.PPS;
import static dev.gwellbridge.h264.H264Fixtures.SPS_1080P_HIGH_2997;
import static dev.gwellbridge.h264.H264Fixtures.SPS_640X360_20;
import static dev.gwellbridge.h264.H264Fixtures.SPS_720P_NO_VUI;
import static dev.gwellbridge.h264.H264Fixtures.idrSlice;
import static dev.gwellbridge.h264.H264Fixtures.pSlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.h264.AccessUnit;
import dev.gwellbridge.h264.MalformedNalException;
import dev.gwellbridge.h264.NalUnit;
import dev.gwellbridge.h264.Sps;
import dev.gwellbridge.h264.SpsParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FfmpegSupervisorTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final VirtualClock clock = new VirtualClock();
    private final List<FakeProcess> processes = new CopyOnWriteArrayList<>();
    private final List<List<String>> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger failLaunches = new AtomicInteger();
    private final FrameQueue queue = new FrameQueue(50, 1 << 20);
    private final ArrivalRate arrivals = new ArrivalRate(clock::millis, 2_000);
    private final FfmpegSupervisor supervisor = new FfmpegSupervisor(
            "cam",
            rate -> List.of("ffmpeg", "-framerate", rate.toArgument()),
            queue,
            arrivals,
            MediaTuning.DEFAULT,
            clock,
            this::launch);

    private Process launch(ProcessBuilder pb) throws IOException {
        if (failLaunches.getAndDecrement() > 0) {
            throw new IOException("Cannot run program \"ffmpeg\": error=2, No such file or directory");
        }
        FakeProcess p = new FakeProcess();
        commands.add(pb.command());
        processes.add(p);
        return p;
    }

    @AfterEach
    void close() {
        supervisor.close();
    }

    private static AccessUnit key(NalUnit sps, int size) {
        return AccessUnit.of(List.of(sps, PPS, idrSlice(size)), true, parse(sps));
    }

    private static Sps parse(NalUnit sps) {
        try {
            return SpsParser.parse(sps);
        } catch (MalformedNalException e) {
            throw new AssertionError(e);
        }
    }

    private static AccessUnit p(int size) {
        return AccessUnit.of(List.of(pSlice(size)), false);
    }

    private static byte[] concat(AccessUnit... aus) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (AccessUnit au : aus) {
            b.writeBytes(au.toByteArray());
        }
        return b.toByteArray();
    }

    private void awaitSkipped(long count) {
        await().atMost(WAIT).until(() -> supervisor.skippedPictures() >= count);
    }

    @Test
    void startsFfmpegAtTheFirstKeyframeWithTheRateFromItsSps() {
        supervisor.start();
        AccessUnit key = key(SPS_640X360_20, 30);
        AccessUnit p1 = p(11);
        AccessUnit p2 = p(12);

        queue.offer(p(1));
        queue.offer(p(2));
        awaitSkipped(2);
        assertThat(processes).isEmpty();

        queue.offer(key);
        queue.offer(p1);
        queue.offer(p2);

        await().atMost(WAIT)
                .until(() -> processes.size() == 1 && processes.get(0).written().length == concat(key, p1, p2).length);
        assertThat(processes.get(0).written()).isEqualTo(concat(key, p1, p2));
        assertThat(commands.get(0)).containsExactly("ffmpeg", "-framerate", "20");
        assertThat(supervisor.stats().alive()).isTrue();
        assertThat(supervisor.stats().restarts()).isZero();
    }

    @Test
    void restartsAfterTheBackoffDelayAtTheNextKeyframe() {
        supervisor.start();
        queue.offer(key(SPS_640X360_20, 30));
        await().atMost(WAIT)
                .until(() -> processes.size() == 1 && processes.get(0).written().length > 0);

        processes.get(0).exit(1);
        await().atMost(WAIT).until(() -> !supervisor.stats().alive());

        long skippedBefore = supervisor.skippedPictures();
        queue.offer(key(SPS_640X360_20, 31));
        awaitSkipped(skippedBefore + 1);
        assertThat(processes).hasSize(1);

        clock.advance(Duration.ofMillis(600));
        queue.offer(p(5));
        AccessUnit next = key(SPS_640X360_20, 32);
        AccessUnit after = p(6);
        queue.offer(next);
        queue.offer(after);

        await().atMost(WAIT)
                .until(() -> processes.size() == 2 && processes.get(1).written().length == concat(next, after).length);
        assertThat(processes.get(1).written()).isEqualTo(concat(next, after));
        assertThat(supervisor.stats().restarts()).isEqualTo(1);
        assertThat(supervisor.stats().alive()).isTrue();
    }

    @Test
    void retriesAFailedStartWithBackoff() {
        failLaunches.set(1);
        supervisor.start();
        queue.offer(key(SPS_640X360_20, 30));
        awaitSkipped(1);
        assertThat(processes).isEmpty();

        queue.offer(key(SPS_640X360_20, 30));
        awaitSkipped(2);
        assertThat(processes).isEmpty();

        clock.advance(Duration.ofMillis(500));
        queue.offer(key(SPS_640X360_20, 30));
        await().atMost(WAIT).until(() -> processes.size() == 1);
        assertThat(supervisor.stats().restarts()).isZero();
    }

    @Test
    void waitsForMeasuredArrivalsWhenTheSpsDeclaresNoRate() {
        supervisor.start();
        for (int i = 0; i < 10; i++) {
            arrivals.record();
            clock.advance(Duration.ofMillis(100));
        }
        queue.offer(key(SPS_720P_NO_VUI, 30));
        awaitSkipped(1);
        assertThat(processes).isEmpty();

        for (int i = 0; i < 20; i++) {
            arrivals.record();
            clock.advance(Duration.ofMillis(100));
        }
        queue.offer(key(SPS_720P_NO_VUI, 30));

        await().atMost(WAIT).until(() -> processes.size() == 1);
        assertThat(commands.get(0)).containsExactly("ffmpeg", "-framerate", "10");
    }

    @Test
    void fallsBackToFifteenFramesPerSecondWhenNothingCanBeMeasured() {
        supervisor.start();
        queue.offer(key(SPS_720P_NO_VUI, 30));
        awaitSkipped(1);

        clock.advance(Duration.ofSeconds(4));
        queue.offer(key(SPS_720P_NO_VUI, 30));

        await().atMost(WAIT).until(() -> processes.size() == 1);
        assertThat(commands.get(0)).containsExactly("ffmpeg", "-framerate", "15");
    }

    @Test
    void restartsAtOnceWhenThePictureFormatChanges() {
        supervisor.start();
        queue.offer(key(SPS_640X360_20, 30));
        await().atMost(WAIT)
                .until(() -> processes.size() == 1 && processes.get(0).written().length > 0);

        AccessUnit hd = key(SPS_1080P_HIGH_2997, 40);
        queue.offer(hd);

        await().atMost(WAIT)
                .until(() -> processes.size() == 2 && processes.get(1).written().length > 0);
        assertThat(processes.get(0).stdinClosed()).isTrue();
        assertThat(processes.get(1).written()).isEqualTo(hd.toByteArray());
        assertThat(commands.get(1)).containsExactly("ffmpeg", "-framerate", "30000/1001");
    }

    @Test
    void watchdogKillsAProcessThatTakesInputButMakesNoProgress() {
        supervisor.start();
        queue.offer(key(SPS_640X360_20, 30));
        await().atMost(WAIT)
                .until(() -> processes.size() == 1 && processes.get(0).written().length > 0);
        FakeProcess first = processes.get(0);

        clock.advance(Duration.ofSeconds(10));
        long progressAt = clock.millis();
        first.emit("progress=continue");
        await().atMost(WAIT).until(() -> supervisor.lastProgressMillis() == progressAt);
        clock.advance(Duration.ofSeconds(10));
        int before = first.written().length;
        queue.offer(p(7));
        await().atMost(WAIT).until(() -> first.written().length > before);
        supervisor.watchdog();
        assertThat(first.isAlive()).as("progress 10 s ago: still healthy").isTrue();

        clock.advance(Duration.ofSeconds(6));
        int before2 = first.written().length;
        queue.offer(p(8));
        await().atMost(WAIT).until(() -> first.written().length > before2);
        supervisor.watchdog();

        assertThat(first.isAlive()).isFalse();
    }

    @Test
    void reportsFpsAndBitrateFromProgressBlocks() {
        supervisor.start();
        AccessUnit key = key(SPS_640X360_20, 1000);
        queue.offer(key);
        await().atMost(WAIT)
                .until(() -> processes.size() == 1 && processes.get(0).written().length > 0);
        FakeProcess ffmpeg = processes.get(0);
        long firstBlockAt = clock.millis();
        ffmpeg.emit("frame=1");
        ffmpeg.emit("progress=continue");
        await().atMost(WAIT).until(() -> supervisor.lastProgressMillis() == firstBlockAt);

        clock.advance(Duration.ofSeconds(1));
        queue.offer(p(1000));
        await().atMost(WAIT).until(() -> ffmpeg.written().length > key.size());
        ffmpeg.emit("frame=21");
        ffmpeg.emit("progress=continue");

        int bits = p(1000).size() * 8;
        await().atMost(WAIT).until(() -> supervisor.stats().fps() > 0);
        assertThat(supervisor.stats().fps()).isEqualTo(20.0);
        assertThat(supervisor.stats().bitrateKbps()).isEqualTo(bits / 1000.0);
    }

    @Test
    void closeEndsFfmpegThroughItsInput() {
        supervisor.start();
        queue.offer(key(SPS_640X360_20, 30));
        await().atMost(WAIT).until(() -> processes.size() == 1);

        supervisor.close();

        assertThat(processes.get(0).stdinClosed()).isTrue();
        assertThat(processes.get(0).isAlive()).isFalse();
        assertThat(supervisor.stats().alive()).isFalse();
        assertThat(supervisor.pid()).isEmpty();
        assertThat(supervisor.restarts()).isZero();
    }
}
