package dev.gwellbridge.h264;

import java.util.Optional;

/**
 * Parses the fields of a sequence parameter set that lead to the picture size and the VUI timing
 * information (ITU-T H.264 §7.3.2.1.1 and Annex E.1.1), skipping everything else.
 *
 * <pre>
 * Field (in order)                         Descriptor  Use
 * profile_idc                              u(8)        high profiles carry chroma/scaling fields
 * constraint_set0..5_flag, reserved        u(8)        skipped
 * level_idc                                u(8)
 * seq_parameter_set_id                     ue(v)
 * [high] chroma_format_idc, bit depths,    ue/u(1)     crop units; scaling lists skipped
 *        scaling matrices
 * log2_max_frame_num_minus4                ue(v)
 * pic_order_cnt_type (+ its fields)        ue(v)
 * max_num_ref_frames, gaps flag            ue/u(1)
 * pic_width_in_mbs_minus1                  ue(v)       width = 16 × (v + 1) − crop
 * pic_height_in_map_units_minus1           ue(v)       height = 16 × (v + 1) × (2 − frame_mbs_only) − crop
 * frame_mbs_only_flag (+ mbaff flag)       u(1)
 * direct_8x8_inference_flag                u(1)
 * frame_cropping_flag + 4 offsets          u(1)/ue(v)  in crop units
 * vui_parameters_present_flag              u(1)
 * VUI: aspect ratio, overscan, signal      ...         skipped
 *      type, chroma location
 * VUI: timing_info_present_flag            u(1)
 *      num_units_in_tick, time_scale       u(32) each  fps = time_scale / (2 × num_units_in_tick)
 * </pre>
 */
public final class SpsParser {
    private static final int EXTENDED_SAR = 255;

    private SpsParser() {}

    /** Parses an SPS NAL unit (header byte included). */
    public static Sps parse(NalUnit nal) throws MalformedNalException {
        if (nal.type() != NalUnit.TYPE_SPS) {
            throw new MalformedNalException("h264: not an SPS (type " + nal.type() + ")");
        }
        byte[] b = nal.bytes();
        RbspReader r = new RbspReader(b, 1, b.length);
        int profileIdc = (int) r.readBits(8);
        r.readBits(8);
        int levelIdc = (int) r.readBits(8);
        r.readUe();
        int chromaFormatIdc = 1;
        boolean separateColourPlane = false;
        if (hasChromaFields(profileIdc)) {
            chromaFormatIdc = r.readUe();
            if (chromaFormatIdc > 3) {
                throw new MalformedNalException("h264: chroma_format_idc " + chromaFormatIdc);
            }
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.readFlag();
            }
            r.readUe();
            r.readUe();
            r.readBit();
            if (r.readFlag()) {
                int lists = chromaFormatIdc == 3 ? 12 : 8;
                for (int i = 0; i < lists; i++) {
                    if (r.readFlag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.readUe();
        int pocType = r.readUe();
        if (pocType == 0) {
            r.readUe();
        } else if (pocType == 1) {
            r.readBit();
            r.readSe();
            r.readSe();
            int cycle = r.readUe();
            if (cycle > 255) {
                throw new MalformedNalException("h264: num_ref_frames_in_pic_order_cnt_cycle " + cycle);
            }
            for (int i = 0; i < cycle; i++) {
                r.readSe();
            }
        } else if (pocType != 2) {
            throw new MalformedNalException("h264: pic_order_cnt_type " + pocType);
        }
        r.readUe();
        r.readBit();
        int widthMbs = r.readUe() + 1;
        int heightMapUnits = r.readUe() + 1;
        boolean frameMbsOnly = r.readFlag();
        if (!frameMbsOnly) {
            r.readBit();
        }
        r.readBit();
        int cropLeft = 0;
        int cropRight = 0;
        int cropTop = 0;
        int cropBottom = 0;
        if (r.readFlag()) {
            cropLeft = r.readUe();
            cropRight = r.readUe();
            cropTop = r.readUe();
            cropBottom = r.readUe();
        }
        int fieldFactor = frameMbsOnly ? 1 : 2;
        int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
        int cropUnitX = chromaArrayType == 0 || chromaFormatIdc == 3 ? 1 : 2;
        int cropUnitY = (chromaArrayType == 0 || chromaFormatIdc != 1 ? 1 : 2) * fieldFactor;
        long width = 16L * widthMbs - (long) cropUnitX * ((long) cropLeft + cropRight);
        long height = 16L * heightMapUnits * fieldFactor - (long) cropUnitY * ((long) cropTop + cropBottom);
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            throw new MalformedNalException("h264: implausible picture size " + width + "x" + height);
        }
        Optional<FrameRate> rate = r.readFlag() ? readVuiTiming(r) : Optional.empty();
        return new Sps(profileIdc, levelIdc, (int) width, (int) height, rate);
    }

    private static boolean hasChromaFields(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    private static void skipScalingList(RbspReader r, int size) throws MalformedNalException {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.readSe() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    private static Optional<FrameRate> readVuiTiming(RbspReader r) throws MalformedNalException {
        if (r.readFlag() && r.readBits(8) == EXTENDED_SAR) {
            r.readBits(32);
        }
        if (r.readFlag()) {
            r.readBit();
        }
        if (r.readFlag()) {
            r.readBits(4);
            if (r.readFlag()) {
                r.readBits(24);
            }
        }
        if (r.readFlag()) {
            r.readUe();
            r.readUe();
        }
        if (!r.readFlag()) {
            return Optional.empty();
        }
        long unitsInTick = r.readBits(32);
        long timeScale = r.readBits(32);
        if (unitsInTick == 0 || timeScale == 0) {
            return Optional.empty();
        }
        FrameRate rate = new FrameRate(timeScale, 2 * unitsInTick);
        return rate.plausible() ? Optional.of(rate) : Optional.empty();
    }
}
