package dev.gwellbridge.camera;

import java.util.List;

/**
 * Where cameras and their P2P credentials come from (the Wyze cloud, or the simulator in demo
 * mode). Implementations apply their own caching and rate limits; calls may block for seconds and
 * are made from supervisor worker threads, never from a session thread.
 */
public interface CredentialSource {

    /** The account's GWell cameras; {@code forceRefresh} bypasses the list cache (still rate limited). */
    List<CameraInfo> cameras(boolean forceRefresh) throws CredentialException;

    /**
     * The P2P credential of one camera. Never returns a credential minted for another device.
     *
     * @param forceFresh mint a new one even if a cached one is still valid (after a handshake failure)
     */
    P2pCredential credential(CameraId id, boolean forceFresh) throws CredentialException;
}
