package dev.gwellbridge.camera;

/**
 * Receives what one protocol session produces. Called on the session's own thread: every method
 * must return quickly and never block (hand the bytes to a bounded queue).
 */
public interface StreamHandler {

    /** A set-up phase was reached (for logs and diagnostics), e.g. {@code certify}. */
    default void onPhase(String phase) {}

    /** The camera accepted the stream over this transport. */
    void onStreaming(Transport transport);

    /**
     * H.264 Annex B bytes in stream order. The array may be reused after return: copy what you keep.
     */
    void onVideo(byte[] data, int offset, int length);

    /**
     * The session ended; called exactly once.
     *
     * @param reason why, or null when it was closed on request
     */
    void onEnded(FailureReason reason, String detail);
}
