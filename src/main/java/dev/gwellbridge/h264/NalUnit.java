package dev.gwellbridge.h264;

import java.util.Arrays;

/**
 * One H.264 NAL unit without its start code: the header byte followed by the payload (still with
 * emulation-prevention bytes, exactly as it travels in Annex B).
 *
 * <pre>
 * Header byte (ITU-T H.264 §7.3.1)
 * Bit  Size  Field               Meaning
 * 7    1     forbidden_zero_bit  always 0 in a valid unit
 * 6-5  2     nal_ref_idc         0 = not used for reference
 * 4-0  5     nal_unit_type       1 slice, 5 IDR slice, 6 SEI, 7 SPS, 8 PPS, 9 AUD, 12 filler
 * </pre>
 *
 * <p>Immutable: the bytes are copied in and never handed out.
 */
public final class NalUnit {
    public static final int TYPE_SLICE = 1;
    public static final int TYPE_IDR = 5;
    public static final int TYPE_SEI = 6;
    public static final int TYPE_SPS = 7;
    public static final int TYPE_PPS = 8;
    public static final int TYPE_AUD = 9;

    private final byte[] bytes;

    NalUnit(byte[] bytes, int offset, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("h264: empty NAL unit");
        }
        this.bytes = Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** A NAL unit from its bytes (header byte first, no start code). */
    public static NalUnit of(byte... bytes) {
        return new NalUnit(bytes, 0, bytes.length);
    }

    public int type() {
        return bytes[0] & 0x1F;
    }

    /** Whether this carries coded picture data (a slice of a non-IDR or IDR picture). */
    public boolean isSlice() {
        int t = type();
        return t == TYPE_SLICE || t == TYPE_IDR;
    }

    /**
     * Whether this unit can be passed on at all: the forbidden bit is clear and the type is one the
     * standard defines for a coded stream (0 and 24..31 are unspecified and only appear as garbage in
     * a raw stream, e.g. the 0x7E filler some cameras emit: 0x7E reads as type 30).
     */
    public boolean isWellFormed() {
        int t = type();
        return (bytes[0] & 0x80) == 0 && t != 0 && t < 24;
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the bytes (header byte first). */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NalUnit n && Arrays.equals(bytes, n.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "NalUnit[type=" + type() + ", length=" + bytes.length + "]";
    }
}
