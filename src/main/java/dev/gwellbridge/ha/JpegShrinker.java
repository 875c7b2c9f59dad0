package dev.gwellbridge.ha;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Brings a JPEG under a size cap by scaling it down and re-encoding it, in memory only (no ImageIO
 * disk cache). A camera snapshot at full resolution is often 250-400 KB; HA's camera entity and
 * small brokers want far less than that on a retained topic.
 */
public final class JpegShrinker {
    private static final int ATTEMPTS = 4;
    private static final float QUALITY = 0.75f;

    private JpegShrinker() {}

    /**
     * The JPEG itself when it fits, else a smaller re-encoding that fits; empty when the bytes are
     * not a decodable image or no attempt fits.
     */
    public static Optional<byte[]> fit(byte[] jpeg, int capBytes) {
        if (jpeg.length <= capBytes) {
            return Optional.of(jpeg);
        }
        try {
            BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)));
            if (image == null) {
                return Optional.empty();
            }
            // JPEG size grows roughly with the pixel count, so scale the sides by the square root.
            double scale = Math.min(1.0, Math.sqrt((double) capBytes / jpeg.length));
            for (int i = 0; i < ATTEMPTS; i++) {
                byte[] out = encode(scaled(image, scale));
                if (out.length <= capBytes) {
                    return Optional.of(out);
                }
                scale *= Math.sqrt((double) capBytes / out.length) * 0.9;
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static BufferedImage scaled(BufferedImage src, double scale) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
