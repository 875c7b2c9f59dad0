package dev.gwellbridge.sim;

import java.net.InetSocketAddress;

/**
 * What a client needs to reach one simulated camera: the values the Wyze cloud would hand out and
 * the camera's LAN address.
 *
 * @param name display name
 * @param deviceId the device id, e.g. {@code GW_GC1_0A1B2C3D4E5F} (the device-list name)
 * @param tid the camera's terminal id
 * @param accessId the P2P accessId as the cloud returns it: a signed 64-bit decimal string
 * @param accessToken the P2P accessToken: 128 hex characters and base64 of 80 bytes
 * @param lanAddress the camera's UDP socket (LAN IP = the bind address)
 */
public record SimCameraInfo(
        String name, String deviceId, long tid, String accessId, String accessToken, InetSocketAddress lanAddress) {

    @Override
    public String toString() {
        return "SimCameraInfo[" + name + ", " + deviceId + ", lan=" + lanAddress + "]";
    }
}
