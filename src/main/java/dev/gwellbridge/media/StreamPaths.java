package dev.gwellbridge.media;

import dev.gwellbridge.camera.StreamUrls;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Names every place a camera's media lives, from its slug: the RTSP publish URL, the HLS folder and
 * playlist, the snapshot file, and the URLs players get. The slug becomes a path segment and a file
 * name, so it is restricted to letters, digits, '_' and '-'.
 */
public final class StreamPaths {
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final MediaSettings settings;

    public StreamPaths(MediaSettings settings) {
        this.settings = settings;
    }

    /** Returns the slug if it is safe as a path segment, else throws naming the rule. */
    public static String requireSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("stream slug must be 1 to 64 letters, digits, '_' or '-': " + slug);
        }
        return slug;
    }

    /** Where ffmpeg publishes: {@code <rtsp base>/<slug>} (may carry credentials: redact before logging). */
    public String publishUrl(String slug) {
        return settings.rtspPublishBase() + "/" + requireSlug(slug);
    }

    public Path hlsDir(String slug) {
        return settings.dataDir().resolve("hls").resolve(requireSlug(slug));
    }

    public Path playlist(String slug) {
        return hlsDir(slug).resolve("index.m3u8");
    }

    public Path snapshotFile(String slug) {
        return settings.dataDir().resolve("snapshots").resolve(requireSlug(slug) + ".jpg");
    }

    /**
     * The URLs players use: the RTSP server's RTSP and HLS on the advertised host, and the bridge's own
     * HLS playlist relative to the page.
     */
    public StreamUrls urls(String slug) {
        requireSlug(slug);
        String host = hostForUrl(settings.advertiseHost());
        return new StreamUrls(
                "rtsp://" + host + ":" + settings.rtspPort() + "/" + slug,
                "http://" + host + ":" + settings.hlsPort() + "/" + slug + "/index.m3u8",
                "hls/" + slug + "/index.m3u8");
    }

    /** An IPv6 literal needs brackets inside a URL. */
    static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
