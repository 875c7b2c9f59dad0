package dev.gwellbridge.camera;

/**
 * Opens protocol sessions to cameras. Implemented by the session layer (and by fakes in tests).
 * Thread-safe.
 */
public interface StreamConnector {

    /**
     * Starts a session on its own threads and returns at once; progress and video arrive at the
     * handler, which is told exactly once when the session ends.
     */
    StreamConnection open(StreamRequest request, StreamHandler handler);

    /** Forgets the cached P2P server and device list, so the next session discovers afresh. */
    default void invalidateDiscovery() {}
}
