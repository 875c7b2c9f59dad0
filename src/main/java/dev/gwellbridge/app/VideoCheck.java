package dev.gwellbridge.app;

import java.util.Arrays;
import java.util.List;

/**
 * Checks the H.264 a client delivered against the pictures the simulated camera sends, looped: a
 * picture counts as intact when every byte arrived in order, as lost otherwise.
 *
 * <p>After a divergence the check looks for the start of one of the next pictures (its first {@link
 * #PREFIX} bytes at a 4-byte start code within one pass of the source) and carries on from there;
 * the pictures skipped count as lost. Not thread-safe: feed it from the session's thread.
 */
final class VideoCheck {
    /** Bytes of a picture's start that identify it when resynchronising. */
    static final int PREFIX = 64;

    private final List<byte[]> pictures;
    private long picture;
    private int offset;
    private boolean synced = true;
    private long intact;
    private long lost;
    private byte[] pending = new byte[0];

    /** @param pictures one pass of the source, shared and never modified */
    VideoCheck(List<byte[]> pictures) {
        if (pictures.isEmpty()) {
            throw new IllegalArgumentException("no pictures");
        }
        this.pictures = List.copyOf(pictures);
    }

    /** Checks the next delivered bytes. */
    void feed(byte[] data, int off, int len) {
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (!synced) {
                resync(data, pos, end);
                return;
            }
            byte[] pic = current();
            int n = Math.min(end - pos, pic.length - offset);
            int mismatch = Arrays.mismatch(pic, offset, offset + n, data, pos, pos + n);
            if (mismatch >= 0) {
                // The bytes that did match may begin the picture that really came (same start code,
                // same parameter sets), so the search starts with them.
                int matched = offset + mismatch;
                int seed = Math.min(matched, PREFIX);
                pending = Arrays.copyOfRange(pic, matched - seed, matched);
                lost++;
                next();
                synced = false;
                pos += mismatch;
                continue;
            }
            offset += n;
            pos += n;
            if (offset == pic.length) {
                intact++;
                next();
            }
        }
    }

    /** A new stream begins: the next byte should start the first picture. */
    void restart() {
        picture = 0;
        offset = 0;
        synced = true;
        pending = new byte[0];
    }

    /** Pictures received byte for byte. */
    long intact() {
        return intact;
    }

    /** Pictures known to be missing or damaged. */
    long lost() {
        return lost;
    }

    private byte[] current() {
        return pictures.get((int) (picture % pictures.size()));
    }

    private void next() {
        picture++;
        offset = 0;
    }

    private void resync(byte[] data, int from, int end) {
        byte[] buf = Arrays.copyOf(pending, pending.length + (end - from));
        System.arraycopy(data, from, buf, pending.length, end - from);
        for (int p = 0; p + 4 <= buf.length; p++) {
            if (!isStartCode(buf, p)) {
                continue;
            }
            int remaining = buf.length - p;
            boolean undecided = false;
            for (int k = 0; k < pictures.size(); k++) {
                byte[] candidate = pictures.get((int) ((picture + k) % pictures.size()));
                int want = Math.min(PREFIX, candidate.length);
                if (remaining < want) {
                    undecided = true;
                    continue;
                }
                if (Arrays.equals(candidate, 0, want, buf, p, p + want)) {
                    lost += k;
                    picture += k;
                    offset = 0;
                    synced = true;
                    pending = new byte[0];
                    feed(buf, p, buf.length - p);
                    return;
                }
            }
            if (undecided) {
                pending = Arrays.copyOfRange(buf, p, buf.length);
                return;
            }
        }
        // A start code may straddle this call and the next.
        int keep = Math.min(buf.length, 3);
        pending = Arrays.copyOfRange(buf, buf.length - keep, buf.length);
    }

    private static boolean isStartCode(byte[] b, int p) {
        return b[p] == 0 && b[p + 1] == 0 && b[p + 2] == 0 && b[p + 3] == 1;
    }
}
