package dev.gwellbridge.wire;

/**
 * Token mode Subscribe (28 + n bytes), sent only when extra token data exists.
 *
 * @param route proto and ID words
 * @param sqnum the sequence number
 * @param tokenData the extra token data X exactly as base64-decoded (normally 80 bytes)
 */
public record SubscribeToken(GutesRoute route, int sqnum, Octets tokenData) implements Subscribe {
    /** Size of one token record; [24] holds n / 80. */
    public static final int RECORD_SIZE = 80;

    public SubscribeToken {
        if (tokenData.length() > 0xFFFF - 28) {
            throw new IllegalArgumentException("token data too long for one frame");
        }
    }
}
