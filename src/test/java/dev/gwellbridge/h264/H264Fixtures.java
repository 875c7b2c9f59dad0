package dev.gwellbridge.h264;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;

/**
 * Small H.264 units for tests.
 *
 * <p>Parameter sets: {@link #SPS_640X360_20} and {@link #PPS} are the ones libx264 wrote for {@code
 * ffmpeg -f lavfi -i testsrc2=size=640x360:rate=20 -c:v libx264 -preset veryfast -tune zerolatency
 * -profile:v baseline -pix_fmt yuv420p -g 40 -x264-params nal-hrd=cbr:repeat-headers=1 -f h264}
 * (ffmpeg 5.1, x264 core 164), {@link #SPS_1080P_HIGH_2997} the one it wrote for {@code
 * testsrc2=size=1920x1080:rate=30000/1001 -profile:v high}. {@link #SPS_720P_NO_VUI} is written by
 * hand from ITU-T H.264 §7.3.2.1.1 (baseline, 80×45 macroblocks, no cropping, no VUI) because
 * x264 always declares timing.
 *
 * <p>Slices are only headers followed by filler bytes: enough for the fields the bridge reads
 * ({@code first_mb_in_slice}, {@code slice_type}), not decodable pictures.
 */
public final class H264Fixtures {
    /** 640×360 (368 coded, 8 rows cropped), timing 1/40 → 20 fps; contains emulation prevention. */
    public static final NalUnit SPS_640X360_20 = hex("6742c016da0280bfe5c044000003000400000300a23c58ba80");

    /** 1920×1080 high profile (1088 coded), timing 4004/240000 → 30000/1001 fps. */
    public static final NalUnit SPS_1080P_HIGH_2997 = hex("67640028acd940780227e5c04400000fa40003a9803c60c658");

    /** 1280×720 baseline without VUI. */
    public static final NalUnit SPS_720P_NO_VUI = hex("6742c01fda014016e4");

    public static final NalUnit PPS = hex("68ce3c80");
    public static final NalUnit AUD = hex("0910");
    public static final NalUnit SEI = hex("0605ff80");

    private H264Fixtures() {}

    public static NalUnit hex(String hex) {
        return NalUnit.of(HexFormat.of().parseHex(hex));
    }

    /** IDR slice starting a picture: first_mb_in_slice 0 ('1'), slice_type 7 ('0001000') → 0x88. */
    public static NalUnit idrSlice(int fillerBytes) {
        return slice(0x65, 0x88, fillerBytes);
    }

    /** Non-IDR I slice starting a picture: slice_type 7 → 0x88. */
    public static NalUnit intraSlice(int fillerBytes) {
        return slice(0x61, 0x88, fillerBytes);
    }

    /** P slice starting a picture: '1' + slice_type 5 ('00110') → 0x9A. */
    public static NalUnit pSlice(int fillerBytes) {
        return slice(0x41, 0x9A, fillerBytes);
    }

    /** A further slice of the same picture: first_mb_in_slice 1 ('010'). */
    public static NalUnit continuationSlice(int type, int fillerBytes) {
        return slice(0x40 | type, 0x4D, fillerBytes);
    }

    private static NalUnit slice(int header, int first, int fillerBytes) {
        byte[] b = new byte[2 + fillerBytes];
        b[0] = (byte) header;
        b[1] = (byte) first;
        for (int i = 0; i < fillerBytes; i++) {
            b[2 + i] = (byte) (0x11 + i % 200);
        }
        return NalUnit.of(b);
    }

    /** Joins units into Annex B, alternating 4- and 3-byte start codes. */
    public static byte[] annexB(List<NalUnit> nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        for (NalUnit n : nals) {
            if (i++ % 2 == 0) {
                out.write(0);
            }
            out.write(0);
            out.write(0);
            out.write(1);
            out.writeBytes(n.toByteArray());
        }
        return out.toByteArray();
    }
}
