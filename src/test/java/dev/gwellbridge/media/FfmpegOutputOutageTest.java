package dev.gwellbridge.media;

import static dev.gwellbridge.h264.H264Fixtures.PPS;
import static dev.gwellbridge.h264.H264Fixtures.SPS_640X360_20;
import static dev.gwellbridge.h264.H264Fixtures.idrSlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gwellbridge.h264.AccessUnit;
import dev.gwellbridge.h264.MalformedNalException;
import dev.gwellbridge.h264.SpsParser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A failing output (the RTSP server is down) is warned about once per outage, not once per retry
 * and not again by each ffmpeg restarted while the outage lasts.
 */
@Timeout(30)
class FfmpegOutputOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String FAILED = "[fifo @ 0x55] [info] Recovery failed: Connection refused";

    private final VirtualClock clock = new VirtualClock();
    private final List<FakeProcess> processes = new CopyOnWriteArrayList<>();
    private final FrameQueue queue = new FrameQueue(50, 1 << 20);
    private final FfmpegSupervisor supervisor = new FfmpegSupervisor(
            "cam",
            rate -> List.of("ffmpeg"),
            queue,
            new ArrivalRate(clock::millis, 2_000),
            MediaTuning.DEFAULT,
            clock,
            pb -> {
                FakeProcess p = new FakeProcess();
                processes.add(p);
                return p;
            });
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(FfmpegProcess.class), (Logger)
            LoggerFactory.getLogger(FfmpegSupervisor.class));

    @BeforeEach
    void capture() {
        logged.start();
        loggers.forEach(l -> l.addAppender(logged));
    }

    @AfterEach
    void close() {
        supervisor.close();
        loggers.forEach(l -> l.detachAppender(logged));
    }

    private static AccessUnit key(int size) {
        try {
            return AccessUnit.of(List.of(SPS_640X360_20, PPS, idrSlice(size)), true, SpsParser.parse(SPS_640X360_20));
        } catch (MalformedNalException e) {
            throw new AssertionError(e);
        }
    }

    private long count(Level level, String text) {
        return logged.list.stream()
                .filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(text))
                .count();
    }

    /** Feeds keyframes until process number {@code n} (1-based) runs. */
    private FakeProcess process(int n) {
        await().atMost(WAIT).until(() -> {
            if (processes.size() < n) {
                clock.advance(Duration.ofSeconds(1));
                queue.offer(key(40));
            }
            return processes.size() == n && processes.get(n - 1).written().length > 0;
        });
        return processes.get(n - 1);
    }

    @Test
    void aRestartedFfmpegThatStillCannotPublishDoesNotWarnAgain() {
        supervisor.start();
        FakeProcess first = process(1);
        first.emit(FAILED);
        first.emit(FAILED);
        first.emit(FAILED);
        await().atMost(WAIT).until(supervisor::outputFailing);
        first.exit(1);

        FakeProcess second = process(2);
        second.emit(FAILED);
        second.emit(FAILED);
        await().atMost(WAIT).until(supervisor::outputFailing);

        assertThat(count(Level.WARN, "is failing")).isEqualTo(1);
    }

    @Test
    void aRecoveryEndsTheOutageSoTheNextFailureWarnsAgain() {
        supervisor.start();
        FakeProcess first = process(1);
        first.emit(FAILED);
        first.emit("[fifo @ 0x55] [info] Recovery successful");
        await().atMost(WAIT).until(() -> count(Level.INFO, "recovered") == 1);
        first.emit(FAILED);

        await().atMost(WAIT).until(() -> count(Level.WARN, "is failing") == 2);
    }

    @Test
    void aRestartedFfmpegWhoseOutputsWorkEndsTheOutage() {
        supervisor.start();
        FakeProcess first = process(1);
        first.emit(FAILED);
        await().atMost(WAIT).until(supervisor::outputFailing);
        first.exit(1);
        FakeProcess second = process(2);

        clock.advance(Duration.ofSeconds(4));
        supervisor.watchdog();
        assertThat(count(Level.INFO, "recovered")).as("too early to tell").isZero();
        clock.advance(Duration.ofSeconds(2));
        supervisor.watchdog();
        assertThat(count(Level.INFO, "recovered")).isEqualTo(1);

        second.emit(FAILED);
        await().atMost(WAIT).until(() -> count(Level.WARN, "is failing") == 2);
    }
}
