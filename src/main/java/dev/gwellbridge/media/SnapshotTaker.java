package dev.gwellbridge.media;

import dev.gwellbridge.config.AtomicFile;
import dev.gwellbridge.h264.AccessUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a keyframe into a JPEG with a short-lived ffmpeg and keeps the latest one as {@code
 * snapshots/<slug>.jpg} (written atomically).
 *
 * <p>Each snapshot runs on its own thread ({@code ffmpeg-<slug>-snapshot}) plus one that feeds
 * ffmpeg's stdin, so a full pipe can never deadlock the two directions. When the future completes
 * otherwise (its timeout), the process is killed.
 */
final class SnapshotTaker {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTaker.class);
    private static final int MAX_JPEG_BYTES = 16 << 20;

    private final String slug;
    private final List<String> command;
    private final Path file;
    private final ProcessLauncher launcher;

    SnapshotTaker(String slug, List<String> command, Path file, ProcessLauncher launcher) {
        this.slug = slug;
        this.command = List.copyOf(command);
        this.file = file;
        this.launcher = launcher;
    }

    /** Starts decoding {@code keyframe}; completes {@code result} with the JPEG or a failure. */
    void take(AccessUnit keyframe, CompletableFuture<byte[]> result) {
        Thread t = new Thread(() -> run(keyframe, result), "ffmpeg-" + slug + "-snapshot");
        t.setDaemon(true);
        t.start();
    }

    private void run(AccessUnit keyframe, CompletableFuture<byte[]> result) {
        if (result.isDone()) {
            return;
        }
        AtomicReference<Process> running = new AtomicReference<>();
        // A timeout completes the future from outside: that must end the process too.
        CompletableFuture<byte[]> unused = result.whenComplete((jpeg, failure) -> {
            Process p = running.get();
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        });
        try {
            Process p = launcher.start(new ProcessBuilder(command));
            running.set(p);
            if (result.isDone()) {
                p.destroyForcibly();
                return;
            }
            StringBuilder errors = new StringBuilder();
            Thread feeder = new Thread(() -> feed(p, keyframe, errors), "ffmpeg-" + slug + "-snapshot-in");
            feeder.setDaemon(true);
            feeder.start();
            byte[] jpeg = readAll(p.getInputStream());
            int code = p.waitFor();
            feeder.join();
            var size = Jpeg.size(jpeg);
            if (code != 0 || size.isEmpty()) {
                String why = errors.toString().strip();
                throw new IOException("ffmpeg made no JPEG (exit code " + code + ")"
                        + (why.isEmpty()
                                ? ""
                                : ": " + why.lines().reduce((a, b) -> b).orElse(why)));
            }
            LOG.debug(
                    "snapshot of {}: {}x{}, {} bytes",
                    slug,
                    size.get().width(),
                    size.get().height(),
                    jpeg.length);
            store(jpeg);
            result.complete(jpeg);
        } catch (IOException e) {
            result.completeExceptionally(new IOException("snapshot of " + slug + " failed: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            LOG.error("snapshot of {} failed", slug, e);
            result.completeExceptionally(e);
        }
    }

    private void store(byte[] jpeg) {
        try {
            AtomicFile.write(file, jpeg);
        } catch (IOException e) {
            LOG.warn("snapshot of {} could not be stored as {}: {}", slug, file, e.getMessage());
        }
    }

    private static void feed(Process p, AccessUnit keyframe, StringBuilder errors) {
        try (OutputStream in = p.getOutputStream()) {
            keyframe.writeTo(in);
        } catch (IOException e) {
            // ffmpeg stopped reading: its exit code and stderr tell why.
        }
        try (InputStream err = p.getErrorStream()) {
            String text = new String(err.readNBytes(64 << 10), StandardCharsets.UTF_8);
            errors.append(text);
        } catch (IOException e) {
            // the process is gone; nothing more to learn
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
            byte[] buf = new byte[16 << 10];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_JPEG_BYTES) {
                    throw new IOException("ffmpeg wrote more than " + MAX_JPEG_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
