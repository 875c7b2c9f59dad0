package dev.gwellbridge.media;

import java.util.function.LongSupplier;

/**
 * Turns ffmpeg's {@code -progress} blocks into the figures MediaStats reports. ffmpeg writes a block
 * of {@code key=value} lines every stats period, ending with {@code progress=continue} (or {@code
 * end}); the frame counter comes from the block, the bitrate from the bytes the writer handed to
 * ffmpeg (with {@code -c copy} into the tee muxer ffmpeg itself reports {@code bitrate=N/A}).
 *
 * <pre>
 * Line               Use
 * frame=123          pictures muxed so far, for fps
 * progress=continue  end of a block: take a measurement
 * (other keys)       ignored
 * </pre>
 *
 * <p>Written by the stderr drainer, read by any thread.
 */
final class ProgressMeter {
    /** Blocks closer together than this are merged into the next measurement. */
    private static final long MIN_INTERVAL_MILLIS = 500;

    /** A measurement. {@code atMillis} is when the last block arrived. */
    record Reading(double fps, double kbps, long atMillis) {}

    private final LongSupplier millis;
    private final LongSupplier bytesWritten;
    private long frame = -1;
    private long prevFrame = -1;
    private long prevBytes;
    private long prevAt;
    private volatile Reading latest;
    private volatile long lastBlockAt;

    ProgressMeter(LongSupplier millis, LongSupplier bytesWritten) {
        this.millis = millis;
        this.bytesWritten = bytesWritten;
        long startedAt = millis.getAsLong();
        this.lastBlockAt = startedAt;
        this.latest = new Reading(0, 0, startedAt);
    }

    /** Whether the line is a {@code key=value} progress line (and so not a log message). */
    static boolean isProgressLine(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int i = 0; i < eq; i++) {
            char c = line.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Feeds one progress line. */
    void accept(String line) {
        if (line.startsWith("frame=")) {
            try {
                frame = Long.parseLong(line.substring(6).trim());
            } catch (NumberFormatException e) {
                frame = -1;
            }
        } else if (line.startsWith("progress=")) {
            onBlock();
        }
    }

    /** The latest figures; fps and bitrate read 0 until two blocks were seen. */
    Reading latest() {
        return latest;
    }

    /** When the last progress block arrived (the process start until then): the liveness signal. */
    long lastProgressMillis() {
        return lastBlockAt;
    }

    private void onBlock() {
        long now = millis.getAsLong();
        long bytes = bytesWritten.getAsLong();
        lastBlockAt = now;
        if (frame < 0) {
            return;
        }
        if (prevFrame < 0) {
            prevFrame = frame;
            prevBytes = bytes;
            prevAt = now;
            return;
        }
        long elapsed = now - prevAt;
        if (elapsed < MIN_INTERVAL_MILLIS) {
            return;
        }
        double fps = (frame - prevFrame) * 1000.0 / elapsed;
        double kbps = (bytes - prevBytes) * 8.0 / elapsed;
        latest = new Reading(Math.max(0, fps), Math.max(0, kbps), now);
        prevFrame = frame;
        prevBytes = bytes;
        prevAt = now;
    }
}
