package dev.gwellbridge.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the bridge's own HLS output from {@code <data dir>/hls/<slug>/} at {@code
 * hls/<slug>/<file>}, for the live view through ingress. Fetching a playlist tells the supervisor
 * that someone is watching, so an on-demand camera starts or stays up.
 */
final class HlsFiles {
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}_-]{1,64}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-]{1,100}\\.(m3u8|ts|m4s|mp4|aac)");
    private static final Map<String, String> TYPES = Map.of(
            "m3u8", "application/vnd.apple.mpegurl",
            "ts", "video/mp2t",
            "m4s", "video/iso.segment",
            "mp4", "video/mp4",
            "aac", "audio/aac");

    private final Path root;
    private final WebBackend backend;

    HlsFiles(Path dataDir, WebBackend backend) {
        this.root = dataDir.resolve("hls").toAbsolutePath().normalize();
        this.backend = backend;
    }

    void serve(Context ctx) throws IOException {
        String slug = ctx.pathParam("slug");
        String file = ctx.pathParam("file");
        if (!SLUG.matcher(slug).matches() || !FILE.matcher(file).matches()) {
            throw ApiError.notFound("not_found", "No such HLS file.");
        }
        String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean playlist = ext.equals("m3u8");
        if (playlist) {
            backend.cameras().find(slug).ifPresent(s -> backend.cameras().viewerActive(s.id()));
        }
        Path path = root.resolve(slug).resolve(file).normalize();
        if (!path.startsWith(root)) {
            throw ApiError.notFound("not_found", "No such HLS file.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw ApiError.notFound(
                    "no_stream",
                    playlist
                            ? "No live stream for " + slug + " yet; it appears once the camera streams."
                            : "That segment is gone; the player will move on.");
        }
        ctx.header("Cache-Control", playlist ? "no-cache, no-store, must-revalidate" : "no-cache");
        ctx.contentType(TYPES.get(ext)).result(bytes);
    }
}
