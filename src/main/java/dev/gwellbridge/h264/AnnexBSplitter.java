package dev.gwellbridge.h264;

import java.util.Arrays;

/**
 * Splits an H.264 Annex B byte stream into NAL units, whatever the chunk boundaries: a start code
 * ({@code 00 00 01} or {@code 00 00 00 01}) may straddle two calls to {@link #feed}.
 *
 * <pre>
 * Annex B (ITU-T H.264 Annex B)
 * Size  Field                 Meaning
 * 0..n  leading_zero_8bits    0x00, belongs to the start code
 * 3     start_code_prefix     00 00 01
 * n     nal_unit              header byte + payload (emulation prevention keeps 00 00 0x out)
 * 0..n  trailing_zero_8bits   0x00, dropped
 * </pre>
 *
 * <p>A unit is handed on as soon as the header byte of the next one arrives, and the sink hears of
 * each new unit once its first two bytes are in, so pictures can be closed without waiting. Bytes that cannot be passed on are counted in {@link
 * #discardedBytes()}: anything before the first start code, units with the forbidden bit set or an
 * unspecified type, units longer than the limit, and runs of 0x7E/0xFF filler that some cameras put
 * in front of each SPS (GWELL-PROTOCOL.md §10.4; about 320 bytes reported by the fork's users; seen
 * either glued to the end of the preceding unit or as a unit of its own after a start code).
 *
 * <p>Not thread-safe: one feeding thread.
 */
public final class AnnexBSplitter {
    /** Shorter 0x7E/0xFF tails are left alone: slice data may legitimately end in such bytes. */
    static final int MIN_FILLER_RUN = 16;

    private final NalSink sink;
    private final int maxNalBytes;
    private byte[] cur = new byte[4096];
    private int curLength;
    private boolean collecting;
    private boolean overflow;
    private byte[] held;
    private int heldLength;
    private int zeros;
    private long discarded;

    /**
     * @param sink receives each complete, well-formed unit on the feeding thread
     * @param maxNalBytes longer units are discarded (bounds memory on a corrupt stream)
     */
    public AnnexBSplitter(NalSink sink, int maxNalBytes) {
        this.sink = sink;
        this.maxNalBytes = maxNalBytes;
    }

    /** Consumes bytes of the stream; calls the sink for every unit completed by them. */
    public void feed(byte[] data, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = data[i];
            if (b == 0) {
                zeros++;
            } else if (b == 1 && zeros >= 2) {
                onStartCode();
            } else {
                for (; zeros > 0; zeros--) {
                    append((byte) 0);
                }
                append(b);
            }
        }
    }

    /** End of stream: hands on the last unit (its trailing zeros dropped). */
    public void flush() {
        zeros = 0;
        if (held != null) {
            release(held, heldLength, -1);
            held = null;
        }
        if (collecting && curLength > 0) {
            release(cur, curLength, -1);
        }
        collecting = false;
        curLength = 0;
        overflow = false;
    }

    /** Bytes that were not passed on (garbage, filler, malformed or oversized units). */
    public long discardedBytes() {
        return discarded;
    }

    private void onStartCode() {
        zeros = 0;
        if (collecting && curLength > 0) {
            if (overflow) {
                discarded += curLength;
            } else {
                held = Arrays.copyOf(cur, curLength);
                heldLength = curLength;
            }
        }
        collecting = true;
        overflow = false;
        curLength = 0;
    }

    private void append(byte b) {
        if (!collecting) {
            discarded++;
            return;
        }
        if (curLength == 0 && held != null) {
            release(held, heldLength, b & 0x1F);
            held = null;
        }
        if (overflow) {
            discarded++;
            return;
        }
        if (curLength == maxNalBytes) {
            overflow = true;
            discarded++;
            return;
        }
        if (curLength == cur.length) {
            cur = Arrays.copyOf(cur, Math.min(maxNalBytes, cur.length * 2));
        }
        cur[curLength++] = b;
        if (curLength == 2 && (cur[0] & 0x80) == 0) {
            sink.unitStarts(cur[0] & 0xFF, cur[1] & 0xFF);
        }
    }

    private void release(byte[] unit, int length, int nextType) {
        int keep = length;
        if (nextType == NalUnit.TYPE_SPS) {
            keep = length - fillerTail(unit, length);
        }
        discarded += length - keep;
        if (keep == 0) {
            return;
        }
        NalUnit nal = new NalUnit(unit, 0, keep);
        if (!nal.isWellFormed()) {
            discarded += keep;
            return;
        }
        sink.accept(nal);
    }

    /** Length of the run of 0x7E/0xFF bytes ending the unit, or 0 when it is too short to be filler. */
    static int fillerTail(byte[] unit, int length) {
        int i = length;
        while (i > 0 && (unit[i - 1] == (byte) 0x7E || unit[i - 1] == (byte) 0xFF)) {
            i--;
        }
        int run = length - i;
        return run >= MIN_FILLER_RUN ? run : 0;
    }
}
