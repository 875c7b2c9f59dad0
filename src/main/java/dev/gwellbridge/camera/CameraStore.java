package dev.gwellbridge.camera;

import java.io.IOException;
import java.util.Map;

/**
 * Persists {@link StoredCamera} records (frozen slug, stream switch, chosen quality, pinned LAN IP).
 * Called only from the supervisor's serial lane.
 */
public interface CameraStore {

    /**
     * Everything stored, keyed by device id. Never fails: an unreadable store yields what could be
     * read (possibly nothing) and is set aside by the implementation.
     */
    Map<CameraId, StoredCamera> load();

    /** Replaces the stored records with {@code cameras}, atomically. */
    void save(Map<CameraId, StoredCamera> cameras) throws IOException;
}
