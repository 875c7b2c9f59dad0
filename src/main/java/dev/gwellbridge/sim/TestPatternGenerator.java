package dev.gwellbridge.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link TestPattern} with ffmpeg (libx264) once and keeps it in a cache folder; later runs
 * reuse the file. The file appears atomically, so a run that is killed half-way leaves no broken
 * stream behind.
 */
public final class TestPatternGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(TestPatternGenerator.class);
    private static final long TIMEOUT_SECONDS = 120;

    private final String ffmpeg;
    private final Path cacheDir;

    /**
     * @param ffmpeg the ffmpeg executable (a name found on the PATH, or a path)
     * @param cacheDir where generated streams are kept
     */
    public TestPatternGenerator(String ffmpeg, Path cacheDir) {
        this.ffmpeg = ffmpeg;
        this.cacheDir = cacheDir;
    }

    /** The ffmpeg arguments for {@code pattern}, writing raw Annex B to {@code out}. */
    List<String> command(TestPattern p, Path out) {
        String rate = p.kbps() + "k";
        return List.of(
                ffmpeg,
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + p.width() + "x" + p.height() + ":rate=" + p.fps(),
                "-t",
                Integer.toString(p.seconds()),
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-tune",
                "zerolatency",
                "-profile:v",
                "baseline",
                "-pix_fmt",
                "yuv420p",
                "-b:v",
                rate,
                "-minrate",
                rate,
                "-maxrate",
                rate,
                "-bufsize",
                rate,
                "-g",
                Integer.toString(2 * p.fps()),
                "-x264-params",
                "nal-hrd=cbr:repeat-headers=1",
                "-f",
                "h264",
                out.toString());
    }

    /**
     * The cached stream for {@code pattern}, generated first if needed.
     *
     * @throws IOException when ffmpeg is missing or fails; the message says what to do
     */
    public Path ensure(TestPattern pattern) throws IOException, InterruptedException {
        Path target = cacheDir.resolve(pattern.fileName());
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            return target;
        }
        Files.createDirectories(cacheDir);
        Path partial = Files.createTempFile(cacheDir, pattern.fileName(), ".part");
        try {
            run(command(pattern, partial));
            if (Files.size(partial) == 0) {
                throw new IOException("ffmpeg wrote an empty test pattern");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("generated test pattern {}", target);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(
                    "cannot run '" + ffmpeg + "' to generate the test pattern: install ffmpeg (with libx264) or"
                            + " give an H.264 file (--h264 FILE)",
                    e);
        }
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("ffmpeg did not finish the test pattern within " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            String text = new String(output, StandardCharsets.UTF_8).strip();
            throw new IOException("ffmpeg failed to generate the test pattern (exit " + process.exitValue() + "): "
                    + text.lines().reduce((a, b) -> b).orElse(""));
        }
    }
}
