package dev.gwellbridge.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the byte stream of a TCP relay connection into MTP frames (GWELL-PROTOCOL.md §8.5).
 * Sans-IO: {@link #feed} any chunk of received bytes and get back the frames it completed.
 *
 * <p>Resynchronisation follows the fork's reader: skip bytes until 0xC0, take 6 header bytes,
 * compute the length; when it is below 6 or above {@link #MAX_FRAME}, drop that 0xC0 and look for
 * the next one. The search restarts at the byte after the dropped 0xC0, so a real frame start
 * inside a bad header is not lost. Timeouts (30 s idle, 5 s for the rest of a frame) belong to the
 * driver; {@link #hasPartialFrame()} tells it when the second one applies.
 *
 * <p>Not thread-safe: one instance per connection, owned by the thread that reads it.
 */
public final class MtpStreamFramer {
    /** The fork's upper bound for a frame on TCP (the 11-bit length field stays below it anyway). */
    public static final int MAX_FRAME = 8192;

    /** Holds at most one partial frame (the 11-bit length keeps it below 2048 bytes) plus new input. */
    private final byte[] buf = new byte[2 * (MtpFrame.MAX_LENGTH + 1)];

    private int fill;
    private long discardedBytes;
    private long resyncs;

    /** Feeds {@code data[off..off+len)} and returns the complete frames, each in its own array. */
    public List<byte[]> feed(byte[] data, int off, int len) {
        List<byte[]> frames = new ArrayList<>(2);
        int i = off;
        int end = off + len;
        while (i < end) {
            int n = Math.min(end - i, buf.length - fill);
            System.arraycopy(data, i, buf, fill, n);
            fill += n;
            i += n;
            extract(frames);
        }
        return frames;
    }

    private void extract(List<byte[]> frames) {
        int start = 0;
        while (true) {
            while (start < fill && (buf[start] & 0xFF) != MtpFrame.MAGIC) {
                start++;
                discardedBytes++;
            }
            if (fill - start < MtpFrame.STANDARD_HEADER) {
                break;
            }
            int total = MtpFrameCodec.lengthField(buf, start);
            if (total < MtpFrame.STANDARD_HEADER || total > MAX_FRAME) {
                start++;
                discardedBytes++;
                resyncs++;
                continue;
            }
            if (fill - start < total) {
                break;
            }
            byte[] frame = new byte[total];
            System.arraycopy(buf, start, frame, 0, total);
            frames.add(frame);
            start += total;
        }
        System.arraycopy(buf, start, buf, 0, fill - start);
        fill -= start;
    }

    /** Whether bytes of an unfinished frame (from its 0xC0 on) are waiting for more input. */
    public boolean hasPartialFrame() {
        return fill > 0;
    }

    /** Bytes skipped while looking for a frame start, over the life of this framer. */
    public long discardedBytes() {
        return discardedBytes;
    }

    /** Headers rejected for their length, over the life of this framer. */
    public long resyncs() {
        return resyncs;
    }
}
