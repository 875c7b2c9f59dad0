package dev.gwellbridge.wire;

/**
 * NetworkDetect, P2P inner message type 5 (0xB9, client → server, 208 bytes): tells the camera,
 * through the server, that the viewer is on its LAN. See {@link NetworkDetectCodec}.
 *
 * @param route 0x7E + routing id (0x7F + accessId before one is known)
 * @param sqnum the sequence number
 * @param randomFlags flags bits 1..15 (random; part of the mode-1 key)
 * @param cameraTid the camera's TID
 * @param accessId the viewer's accessId (caller)
 * @param timeoutMs LE16 timeout, 3000 in the reference
 * @param probeCount LE16 probe count, 5 in the reference
 * @param viewerLanIp the viewer's own LAN address as dotted text (at most 128 one-byte characters)
 */
public record NetworkDetect(
        GutesRoute route,
        int sqnum,
        int randomFlags,
        long cameraTid,
        long accessId,
        int timeoutMs,
        int probeCount,
        String viewerLanIp)
        implements Inner {
    /** The reference's timeout. */
    public static final int DEFAULT_TIMEOUT_MS = 3000;
    /** The reference's probe count. */
    public static final int DEFAULT_PROBE_COUNT = 5;
    /** Flags without the random bits: mode 1, send type 1, bit 25. */
    public static final int BASE_FLAGS = 0x02050000;
    /** Bytes reserved for the address text. */
    public static final int IP_TEXT_LENGTH = 128;

    public NetworkDetect {
        if ((randomFlags & ~GutesFlags.RANDOM_MASK) != 0) {
            throw new IllegalArgumentException("randomFlags must lie in bits 1..15");
        }
        if (timeoutMs < 0 || timeoutMs > 0xFFFF || probeCount < 0 || probeCount > 0xFFFF) {
            throw new IllegalArgumentException("timeout and probe count are 16 bits");
        }
        if (viewerLanIp.length() > IP_TEXT_LENGTH || !viewerLanIp.chars().allMatch(c -> c >= 1 && c <= 0xFF)) {
            throw new IllegalArgumentException("address text must be at most 128 one-byte characters without NUL");
        }
    }

    /** A request with the reference's timeout and probe count. */
    public static NetworkDetect of(
            GutesRoute route, int sqnum, int randomFlags, long cameraTid, long accessId, Ipv4 viewerLanIp) {
        return new NetworkDetect(
                route,
                sqnum,
                randomFlags,
                cameraTid,
                accessId,
                DEFAULT_TIMEOUT_MS,
                DEFAULT_PROBE_COUNT,
                viewerLanIp.toString());
    }

    /** The flags word as sent. */
    public int flags() {
        return BASE_FLAGS | randomFlags;
    }
}
