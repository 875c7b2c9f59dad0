package dev.gwellbridge.h264;

import java.io.ByteArrayOutputStream;

/**
 * Writes a progressive 4:2:0 SPS from its fields (ITU-T H.264 §7.3.2.1.1, Annex E.1.1), with
 * emulation prevention, so parser tests can cover sizes and rates no fixture has. High profile
 * writes chroma_format_idc 1, 8-bit depth and a scaling matrix with one explicit list, to exercise
 * the skipping of those fields.
 */
final class SpsWriter {
    private final StringBuilder bits = new StringBuilder();
    private long unitsInTick;
    private long timeScale;
    private final int profile;
    private final int level;
    private final int widthMbs;
    private final int heightMbs;
    private final int cropRight;
    private final int cropBottom;

    SpsWriter(int profile, int level, int widthMbs, int heightMbs, int cropRight, int cropBottom) {
        this.profile = profile;
        this.level = level;
        this.widthMbs = widthMbs;
        this.heightMbs = heightMbs;
        this.cropRight = cropRight;
        this.cropBottom = cropBottom;
    }

    SpsWriter timing(long unitsInTick, long timeScale) {
        this.unitsInTick = unitsInTick;
        this.timeScale = timeScale;
        return this;
    }

    NalUnit toNal() {
        bits.setLength(0);
        u(8, profile);
        u(8, 0);
        u(8, level);
        ue(0);
        if (profile == 100) {
            ue(1);
            ue(0);
            ue(0);
            u(1, 0);
            u(1, 1);
            u(1, 1);
            for (int j = 0; j < 16; j++) {
                se(j == 0 ? 8 : 0);
            }
            for (int i = 1; i < 8; i++) {
                u(1, 0);
            }
        }
        ue(0);
        ue(0);
        ue(4);
        ue(1);
        u(1, 0);
        ue(widthMbs - 1);
        ue(heightMbs - 1);
        u(1, 1);
        u(1, 1);
        boolean crop = cropRight > 0 || cropBottom > 0;
        u(1, crop ? 1 : 0);
        if (crop) {
            ue(0);
            ue(cropRight);
            ue(0);
            ue(cropBottom);
        }
        boolean vui = timeScale > 0;
        u(1, vui ? 1 : 0);
        if (vui) {
            u(1, 1);
            u(8, 1);
            u(1, 0);
            u(1, 0);
            u(1, 0);
            u(1, 1);
            u(32, unitsInTick);
            u(32, timeScale);
            u(1, 1);
            u(1, 0);
            u(1, 0);
            u(1, 0);
        }
        bits.append('1');
        while (bits.length() % 8 != 0) {
            bits.append('0');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x67);
        int zeros = 0;
        for (int i = 0; i < bits.length(); i += 8) {
            int b = Integer.parseInt(bits.substring(i, i + 8), 2);
            if (zeros >= 2 && b <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return NalUnit.of(out.toByteArray());
    }

    private void u(int n, long v) {
        for (int i = n - 1; i >= 0; i--) {
            bits.append(((v >>> i) & 1) == 1 ? '1' : '0');
        }
    }

    private void ue(int v) {
        String s = Integer.toBinaryString(v + 1);
        bits.append("0".repeat(s.length() - 1)).append(s);
    }

    private void se(int v) {
        ue(v > 0 ? 2 * v - 1 : -2 * v);
    }
}
