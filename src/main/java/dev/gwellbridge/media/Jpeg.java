package dev.gwellbridge.media;

import java.util.Optional;

/**
 * Finds the picture size in a JPEG by walking its markers to the first start-of-frame segment, to
 * check that ffmpeg really produced an image.
 *
 * <pre>
 * Offset  Size  Field        Meaning
 * 0       2     SOI          FF D8
 * ...            segments    FF xx, then a 2-byte big-endian length that counts itself
 * SOFn+0  2     marker       FF C0..CF except C4 (DHT), C8 (JPG), CC (DAC)
 * SOFn+2  2     length
 * SOFn+4  1     precision    bits per sample
 * SOFn+5  2     height       big-endian
 * SOFn+7  2     width        big-endian
 * </pre>
 */
public final class Jpeg {
    /** Width and height in pixels. */
    public record Size(int width, int height) {}

    private Jpeg() {}

    /** The size from the first SOF segment, or empty when the bytes are not a JPEG with one. */
    public static Optional<Size> size(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return Optional.empty();
        }
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            if (isStartOfFrame(marker)) {
                if (pos + 9 > jpeg.length) {
                    return Optional.empty();
                }
                int height = ((jpeg[pos + 5] & 0xFF) << 8) | (jpeg[pos + 6] & 0xFF);
                int width = ((jpeg[pos + 7] & 0xFF) << 8) | (jpeg[pos + 8] & 0xFF);
                return width > 0 && height > 0 ? Optional.of(new Size(width, height)) : Optional.empty();
            }
            if (length < 2) {
                return Optional.empty();
            }
            pos += 2 + length;
        }
        return Optional.empty();
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
