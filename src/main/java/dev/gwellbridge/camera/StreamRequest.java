package dev.gwellbridge.camera;

import java.util.Objects;

/**
 * What the supervisor asks a {@link StreamConnector} to open.
 *
 * @param transport which paths the session may use
 */
public record StreamRequest(
        CameraInfo camera, P2pCredential credential, Quality quality, TransportPreference transport) {

    public StreamRequest {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(transport, "transport");
    }

    /** A request with the {@code auto} transport. */
    public StreamRequest(CameraInfo camera, P2pCredential credential, Quality quality) {
        this(camera, credential, quality, TransportPreference.AUTO);
    }
}
