package dev.gwellbridge.h264;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * One coded picture with the units that belong to it (parameter sets, SEI, slices), in Annex B form
 * with 4-byte start codes, ready to be written to ffmpeg as is.
 *
 * <p>{@link #keyframe()} means decoding can start here: the picture is intra coded (IDR, or an I
 * slice behind an SPS) and the SPS and PPS it needs are included. Immutable.
 */
public final class AccessUnit {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private final byte[] data;
    private final boolean keyframe;
    private final int nalCount;
    private final Sps sps;

    private AccessUnit(byte[] data, boolean keyframe, int nalCount, Sps sps) {
        this.data = data;
        this.keyframe = keyframe;
        this.nalCount = nalCount;
        this.sps = sps;
    }

    /** Joins units with 4-byte start codes. */
    public static AccessUnit of(List<NalUnit> nals, boolean keyframe) {
        return of(nals, keyframe, null);
    }

    /**
     * Joins units with 4-byte start codes.
     *
     * @param sps the parsed SPS this picture refers to; null when unknown
     */
    public static AccessUnit of(List<NalUnit> nals, boolean keyframe, Sps sps) {
        int size = 0;
        for (NalUnit n : nals) {
            size += START_CODE.length + n.length();
        }
        byte[] out = new byte[size];
        int pos = 0;
        for (NalUnit n : nals) {
            System.arraycopy(START_CODE, 0, out, pos, START_CODE.length);
            pos += START_CODE.length;
            System.arraycopy(n.bytes(), 0, out, pos, n.length());
            pos += n.length();
        }
        return new AccessUnit(out, keyframe, nals.size(), sps);
    }

    public boolean keyframe() {
        return keyframe;
    }

    /** The parsed SPS in force for this picture (set on keyframes), if known. */
    public Optional<Sps> sps() {
        return Optional.ofNullable(sps);
    }

    /** Size in bytes, start codes included. */
    public int size() {
        return data.length;
    }

    public int nalCount() {
        return nalCount;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(data);
    }

    /** A copy of the Annex B bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "AccessUnit[" + (keyframe ? "key, " : "") + nalCount + " units, " + data.length + " bytes]";
    }
}
