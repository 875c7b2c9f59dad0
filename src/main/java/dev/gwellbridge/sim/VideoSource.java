package dev.gwellbridge.sim;

import dev.gwellbridge.h264.AccessUnit;
import dev.gwellbridge.h264.AccessUnitAssembler;
import dev.gwellbridge.h264.AnnexBSplitter;
import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.h264.Sps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The H.264 a simulated camera sends: the access units (pictures) of an Annex B stream and the
 * frame rate to pace them at.
 *
 * <p>The pictures are what {@link AccessUnitAssembler} makes of the stream (4-byte start codes,
 * parameter sets in front of keyframes that lack them), so {@link #bytes()} is exactly what a
 * client receives for one pass through the source, not necessarily the file byte for byte. The
 * frame rate comes from the SPS timing information, else from the fallback. Immutable.
 */
public final class VideoSource {
    /** Largest picture or NAL unit accepted from a file. */
    private static final int MAX_UNIT_BYTES = 8 << 20;

    private final List<byte[]> pictures;
    private final FrameRate frameRate;
    private final int totalBytes;

    private VideoSource(List<byte[]> pictures, FrameRate frameRate) {
        this.pictures = List.copyOf(pictures);
        this.frameRate = frameRate;
        int total = 0;
        for (byte[] p : pictures) {
            total += p.length;
        }
        this.totalBytes = total;
    }

    /**
     * Splits an Annex B stream into pictures.
     *
     * @param fallback the frame rate when the stream declares none (or an implausible one)
     * @throws IllegalArgumentException when the stream holds no picture
     */
    public static VideoSource fromAnnexB(byte[] annexB, FrameRate fallback) {
        List<byte[]> pictures = new ArrayList<>();
        AccessUnitAssembler assembler =
                new AccessUnitAssembler((AccessUnit au) -> pictures.add(au.toByteArray()), MAX_UNIT_BYTES);
        AnnexBSplitter splitter = new AnnexBSplitter(assembler, MAX_UNIT_BYTES);
        splitter.feed(annexB, 0, annexB.length);
        splitter.flush();
        assembler.flush();
        if (pictures.isEmpty()) {
            throw new IllegalArgumentException("no H.264 picture in the stream (is it Annex B?)");
        }
        FrameRate rate = assembler
                .sps()
                .flatMap(Sps::frameRate)
                .filter(FrameRate::plausible)
                .orElse(fallback);
        return new VideoSource(pictures, rate);
    }

    /** Reads an Annex B file; see {@link #fromAnnexB}. */
    public static VideoSource read(Path file, FrameRate fallback) throws IOException {
        try {
            return fromAnnexB(Files.readAllBytes(file), fallback);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Number of pictures in one pass. */
    public int pictureCount() {
        return pictures.size();
    }

    /** Picture {@code i} (0-based), shared: callers must not modify it. */
    byte[] picture(int i) {
        return pictures.get(i);
    }

    /** A copy of picture {@code i}. */
    public byte[] pictureCopy(int i) {
        return pictures.get(i).clone();
    }

    /** The rate the camera paces pictures at. */
    public FrameRate frameRate() {
        return frameRate;
    }

    /** When picture number {@code n} (counting across loops) is due, in ms after the first. */
    long dueOffsetMillis(long n) {
        return n * 1000 * frameRate.den() / frameRate.num();
    }

    /** Bytes in one pass. */
    public int size() {
        return totalBytes;
    }

    /** The bytes of one pass: every picture in order, as a client receives them. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(totalBytes);
        for (byte[] p : pictures) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
