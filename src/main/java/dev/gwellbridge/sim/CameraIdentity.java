package dev.gwellbridge.sim;

import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.CredentialFormatException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The synthetic identity of one simulated camera: device id, TID and its P2P credential, all
 * derived from the run seed.
 *
 * @param name display name
 * @param deviceId model prefix and 12 hex digits, e.g. {@code GW_WC_0A1B2C3D4E5F}
 * @param tid terminal id (positive, non-zero)
 * @param accessId the accessId as the cloud writes it (signed decimal)
 * @param accessToken 128 hex characters followed by base64 of 80 bytes
 * @param credentials the same credential parsed
 */
record CameraIdentity(
        String name, String deviceId, long tid, String accessId, String accessToken, AccessCredentials credentials) {
    /** Models of cameras that stream over LAN, used in turn. */
    static final List<String> LAN_MODELS = List.of("GW_GC1", "GW_GC2", "GW_WC", "GW_DUO");
    /** The relay-only model. */
    static final String RELAY_MODEL = "GW_BE1";

    /**
     * {@code count} identities drawn from {@code random}.
     *
     * @param sharedAccount when true every camera uses the first camera's credential, so one
     *     account's device list holds them all
     */
    static List<CameraIdentity> generate(RandomGenerator random, int count, SimMode mode, boolean sharedAccount) {
        List<CameraIdentity> out = new ArrayList<>(count);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < count; i++) {
            String model = mode == SimMode.RELAY_ONLY ? RELAY_MODEL : LAN_MODELS.get(i % LAN_MODELS.size());
            byte[] mac = new byte[6];
            random.nextBytes(mac);
            String deviceId = model + "_" + hex.formatHex(mac).toUpperCase(Locale.ROOT);
            long tid = (random.nextLong() & Long.MAX_VALUE) | (1L << 40);
            long accessIdValue = random.nextLong();
            byte[] token = new byte[AccessCredentials.TOKEN_LENGTH];
            random.nextBytes(token);
            byte[] extra = new byte[80];
            random.nextBytes(extra);
            String accessId = Long.toString(accessIdValue);
            String accessToken = hex.formatHex(token) + Base64.getEncoder().encodeToString(extra);
            if (sharedAccount && !out.isEmpty()) {
                accessId = out.get(0).accessId();
                accessToken = out.get(0).accessToken();
            }
            out.add(new CameraIdentity(
                    "Sim camera " + (i + 1), deviceId, tid, accessId, accessToken, parse(accessId, accessToken)));
        }
        return out;
    }

    private static AccessCredentials parse(String accessId, String accessToken) {
        try {
            return AccessCredentials.parse(accessId, accessToken);
        } catch (CredentialFormatException e) {
            throw new IllegalStateException("generated credential does not parse", e);
        }
    }

    @Override
    public String toString() {
        return "CameraIdentity[" + name + ", " + deviceId + "]";
    }
}
