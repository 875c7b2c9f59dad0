package dev.gwellbridge.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The page itself ({@code web/index.html}) and its static files ({@code web/static/**}) from the
 * class path. Every URL in them is relative, so the page works under any ingress prefix; when the
 * Supervisor passes {@code X-Ingress-Path}, a matching {@code <base href>} is added as well, which
 * keeps links right even if the page was opened without its trailing slash.
 */
final class PageAssets {
    private static final String ROOT = "web/";
    private static final Pattern STATIC_PATH =
            Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]{0,80}/){0,3}" + "[A-Za-z0-9_-][A-Za-z0-9._-]{0,80}");
    private static final Pattern INGRESS_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+){1,8}");
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; worker-src 'self' blob:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "html", "text/html; charset=utf-8");

    /** A loaded file; the bytes are never handed out for modification. */
    private static final class Asset {
        private final byte[] bytes;
        private final String type;
        private final String etag;

        Asset(byte[] bytes, String type, String etag) {
            this.bytes = bytes;
            this.type = type;
            this.etag = etag;
        }

        byte[] bytes() {
            return bytes;
        }

        String type() {
            return type;
        }

        String etag() {
            return etag;
        }
    }

    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();
    private final String version;
    private final String indexTemplate;

    PageAssets(String version) {
        this.version = version;
        this.indexTemplate = load(ROOT + "index.html")
                .map(a -> new String(a.bytes(), StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("web/index.html is missing from the class path"));
    }

    void index(Context ctx) {
        String ingress = ctx.header("X-Ingress-Path");
        String base = "";
        if (ingress != null && INGRESS_PATH.matcher(ingress).matches() && !ingress.contains("..")) {
            base = "<base href=\"" + ingress + "/\">";
        }
        String html = indexTemplate.replace("<!--base-->", base).replace("{{version}}", version);
        securityHeaders(ctx);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    void serveStatic(Context ctx) {
        String path = ctx.pathParam("path");
        if (!STATIC_PATH.matcher(path).matches() || path.contains("..")) {
            throw ApiError.notFound("not_found", "No such file.");
        }
        Asset asset = cache.computeIfAbsent(path, p -> load(ROOT + "static/" + p))
                .orElseThrow(() -> ApiError.notFound("not_found", "No such file."));
        securityHeaders(ctx);
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", asset.etag());
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.type()).result(asset.bytes());
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
    }

    private static Optional<Asset> load(String resource) {
        try (InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            String type = TYPES.getOrDefault(ext, "text/plain; charset=utf-8");
            return Optional.of(new Asset(bytes, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
