package dev.gwellbridge.camera;

/** A running protocol session. */
public interface StreamConnection extends AutoCloseable {

    /** Figures for diagnostics; safe to call from any thread. */
    ConnectionStats stats();

    /** Ends the session; idempotent; returns without waiting for the session thread. */
    @Override
    void close();
}
