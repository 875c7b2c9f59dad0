package dev.gwellbridge.web;

import dev.gwellbridge.camera.StreamUrls;

/** A camera's stream URLs from the media layer, with safe fallbacks when it has none yet. */
final class Urls {
    private Urls() {}

    static StreamUrls of(WebBackend backend, String slug) {
        StreamUrls u;
        try {
            u = backend.urls().apply(slug);
        } catch (RuntimeException e) {
            u = null;
        }
        if (u == null) {
            return new StreamUrls("", "", Views.liveHls(slug));
        }
        return new StreamUrls(
                u.rtsp() == null ? "" : u.rtsp(),
                u.hls() == null ? "" : u.hls(),
                u.liveHls() == null || u.liveHls().isBlank() ? Views.liveHls(slug) : u.liveHls());
    }
}
