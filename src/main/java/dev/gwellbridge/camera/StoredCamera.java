package dev.gwellbridge.camera;

import java.util.Objects;
import java.util.Optional;

/**
 * What the bridge remembers about a camera across restarts.
 *
 * @param slug the slug frozen on first sight
 * @param streamOn the stream switch (user intent)
 * @param quality the quality chosen by command, or null when the settings decide
 * @param lanIp the LAN IP pinned by command, empty when none
 */
public record StoredCamera(String slug, boolean streamOn, Quality quality, String lanIp) {

    public StoredCamera {
        Objects.requireNonNull(slug, "slug");
        lanIp = lanIp == null ? "" : lanIp.trim();
    }

    /** A camera seen for the first time: stream switch on, nothing chosen. */
    public static StoredCamera firstSight(String slug) {
        return new StoredCamera(slug, true, null, "");
    }

    public Optional<Quality> chosenQuality() {
        return Optional.ofNullable(quality);
    }

    public StoredCamera withStreamOn(boolean on) {
        return new StoredCamera(slug, on, quality, lanIp);
    }

    public StoredCamera withQuality(Quality q) {
        return new StoredCamera(slug, streamOn, q, lanIp);
    }

    public StoredCamera withLanIp(String ip) {
        return new StoredCamera(slug, streamOn, quality, ip);
    }
}
