package dev.gwellbridge.camera;

import java.util.Objects;

/** What the supervisor asks a {@link StreamConnector} to open. */
public record StreamRequest(CameraInfo camera, P2pCredential credential, Quality quality) {

    public StreamRequest {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(quality, "quality");
    }
}
