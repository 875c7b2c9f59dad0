package dev.gwellbridge.h264;

/**
 * Reads the bits of a NAL unit's payload (the raw byte sequence payload), skipping
 * emulation-prevention bytes: a {@code 03} that follows {@code 00 00} is not part of the payload
 * (ITU-T H.264 §7.4.1).
 *
 * <p>Supports the descriptors H.264 headers use: u(n), ue(v) and se(v) (Exp-Golomb, §9.1).
 */
final class RbspReader {
    private final byte[] data;
    private final int end;
    private int pos;
    private int zeroRun;
    private int current;
    private int bitsLeft;

    /** Reads {@code data[offset..end)}; pass offset 1 to skip the NAL header byte. */
    RbspReader(byte[] data, int offset, int end) {
        this.data = data;
        this.pos = offset;
        this.end = end;
    }

    int readBit() throws MalformedNalException {
        if (bitsLeft == 0) {
            loadByte();
        }
        bitsLeft--;
        return (current >>> bitsLeft) & 1;
    }

    boolean readFlag() throws MalformedNalException {
        return readBit() == 1;
    }

    /** u(n) for n ≤ 32, as an unsigned value. */
    long readBits(int n) throws MalformedNalException {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | readBit();
        }
        return v;
    }

    /** ue(v); values beyond 2^31 - 2 are rejected (no header field in H.264 gets near). */
    int readUe() throws MalformedNalException {
        int leadingZeros = 0;
        while (readBit() == 0) {
            leadingZeros++;
            if (leadingZeros > 31) {
                throw new MalformedNalException("h264: Exp-Golomb code too long");
            }
        }
        long value = (1L << leadingZeros) - 1 + readBits(leadingZeros);
        if (value > Integer.MAX_VALUE - 1) {
            throw new MalformedNalException("h264: Exp-Golomb value too large");
        }
        return (int) value;
    }

    /** se(v). */
    int readSe() throws MalformedNalException {
        int k = readUe();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    private void loadByte() throws MalformedNalException {
        if (pos >= end) {
            throw new MalformedNalException("h264: unit ends inside a header");
        }
        int b = data[pos++] & 0xFF;
        if (zeroRun >= 2 && b == 3) {
            zeroRun = 0;
            if (pos >= end) {
                throw new MalformedNalException("h264: unit ends inside a header");
            }
            b = data[pos++] & 0xFF;
        }
        zeroRun = b == 0 ? zeroRun + 1 : 0;
        current = b;
        bitsLeft = 8;
    }
}
