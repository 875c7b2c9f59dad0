package dev.gwellbridge.app;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.CredentialFormatException;
import dev.gwellbridge.wire.Ipv4;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The camera a {@code probe} talks to and the credential it uses. {@link #fromArgs} reads them from
 * the command line; another source (the cloud account of the options file) can produce the same
 * record.
 *
 * @param lanIp dotted IPv4, or empty
 */
record ProbeTarget(CameraId camera, String accessId, String accessToken, String lanIp) {
    private static final Pattern DEVICE_ID = Pattern.compile("GW_[A-Z0-9]+_[0-9A-F]{12}|GW_[A-Z0-9_]{3,60}");

    /** Where probe targets come from: {@code --device-id} and friends, or the cloud account. */
    @FunctionalInterface
    interface Source {
        ProbeTarget resolve(Args args) throws UsageException, CredentialException;
    }

    /** {@code --device-id}, {@code --access-id}, {@code --access-token}, {@code --lan-ip}, validated. */
    static ProbeTarget fromArgs(Args args) throws UsageException {
        String device = args.required("device-id", "the camera's device id, e.g. GW_GC1_0A1B2C3D4E5F")
                .trim()
                .toUpperCase(Locale.ROOT);
        if (!DEVICE_ID.matcher(device).matches()) {
            throw new UsageException("--device-id must look like GW_GC1_0A1B2C3D4E5F (GW_, model, MAC)");
        }
        String accessId =
                args.required("access-id", "the P2P accessId, a decimal number").trim();
        String token = args.required("access-token", "the P2P accessToken, 128 hex characters and more");
        try {
            AccessCredentials.parseAccessId(accessId);
        } catch (CredentialFormatException e) {
            throw new UsageException("--access-id: " + e.getMessage());
        }
        try {
            AccessCredentials.parse(accessId, token);
        } catch (CredentialFormatException e) {
            throw new UsageException("--access-token: " + e.getMessage());
        }
        String lanIp = lanIp(args);
        return new ProbeTarget(CameraId.of(device), accessId, token, lanIp);
    }

    CameraInfo info() {
        return new CameraInfo(camera, camera.deviceId(), camera.modelId(), "", lanIp, true);
    }

    P2pCredential credential() {
        return new P2pCredential(accessId, accessToken, Instant.MAX);
    }

    @Override
    public String toString() {
        return "ProbeTarget[camera=" + camera + ", lanIp=" + lanIp + "]";
    }

    /** The {@code --lan-ip} option, checked; empty when not given. */
    static String lanIp(Args args) throws UsageException {
        String lanIp = args.string("lan-ip").map(String::trim).orElse("");
        if (!lanIp.isEmpty()) {
            try {
                Ipv4.parse(lanIp);
            } catch (IllegalArgumentException e) {
                throw new UsageException(
                        "--lan-ip must be a dotted IPv4 address like 192.168.1.50, got '" + lanIp + "'");
            }
        }
        return lanIp;
    }
}
