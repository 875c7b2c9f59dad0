package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Rc5x64;
import java.util.Arrays;
import java.util.Base64;

/**
 * The P2P credential and the keys derived from it (GWELL-PROTOCOL.md §3).
 *
 * <ul>
 *   <li>accessId: decimal, parsed as unsigned 64-bit, else as signed 64-bit (two's complement).
 *   <li>accessToken characters [0..128): hex → 64 token bytes T. Characters [128..): optional
 *       standard base64 (with or without padding) → extra token data X; undecodable or empty
 *       means there is none.
 *   <li>token key = T[48..64) (RC5-64 key of the session key in CertifyReq, HMAC-MD5 key of its
 *       signature); token head = T[0..48) (AES-encrypted inside the signature).
 * </ul>
 *
 * <p>Immutable; accessors return copies. {@link #toString()} prints no credential bytes.
 */
public final class AccessCredentials {
    /** Number of token bytes. */
    public static final int TOKEN_LENGTH = 64;
    /** Number of hex characters holding the token bytes. */
    public static final int TOKEN_HEX_LENGTH = 2 * TOKEN_LENGTH;
    /** Start of the token key inside T. */
    public static final int TOKEN_KEY_OFFSET = 48;

    private final long accessId;
    private final byte[] token;
    private final byte[] extra;
    private final Rc5x64 tokenCipher;

    private AccessCredentials(long accessId, byte[] token, byte[] extra) {
        this.accessId = accessId;
        this.token = token;
        this.extra = extra;
        this.tokenCipher = Rc5x64.of(Arrays.copyOfRange(token, TOKEN_KEY_OFFSET, TOKEN_LENGTH));
    }

    /**
     * Credentials from raw parts (for a simulator that invents them).
     *
     * @param token the 64 token bytes
     * @param extraTokenData the extra token data, possibly empty
     */
    public static AccessCredentials of(long accessId, byte[] token, byte[] extraTokenData) {
        if (token.length != TOKEN_LENGTH) {
            throw new IllegalArgumentException("token must be 64 bytes");
        }
        return new AccessCredentials(accessId, token.clone(), extraTokenData.clone());
    }

    /** Parses the two strings the cloud returns. */
    public static AccessCredentials parse(String accessId, String accessToken) throws CredentialFormatException {
        long id = parseAccessId(accessId);
        String token = accessToken == null ? "" : accessToken;
        if (token.length() < TOKEN_HEX_LENGTH) {
            throw new CredentialFormatException(
                    CredentialFormatException.Problem.TOKEN_TOO_SHORT,
                    "accessToken has " + token.length() + " characters, need at least " + TOKEN_HEX_LENGTH);
        }
        byte[] t = new byte[TOKEN_LENGTH];
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            char hi = token.charAt(2 * i);
            char lo = token.charAt(2 * i + 1);
            if (!isAsciiHex(hi) || !isAsciiHex(lo)) {
                throw new CredentialFormatException(
                        CredentialFormatException.Problem.TOKEN_NOT_HEX,
                        "accessToken has a non-hex character within its first " + TOKEN_HEX_LENGTH);
            }
            t[i] = (byte) (Character.digit(hi, 16) << 4 | Character.digit(lo, 16));
        }
        return new AccessCredentials(id, t, decodeExtra(token.substring(TOKEN_HEX_LENGTH)));
    }

    /** Parses an accessId: unsigned 64-bit decimal, else signed 64-bit decimal. */
    public static long parseAccessId(String accessId) throws CredentialFormatException {
        String s = accessId == null ? "" : accessId;
        // Check the shape first: the JDK parsers report failure by exception, which is slow.
        if (!isDecimal(s)) {
            throw invalidAccessId();
        }
        try {
            return s.charAt(0) == '-' ? Long.parseLong(s) : Long.parseUnsignedLong(s);
        } catch (NumberFormatException outOfRange) {
            throw invalidAccessId();
        }
    }

    private static boolean isDecimal(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (s.length() == start || s.length() - start > 20) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static CredentialFormatException invalidAccessId() {
        return new CredentialFormatException(
                CredentialFormatException.Problem.ACCESS_ID_INVALID, "accessId is not a 64-bit decimal number");
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Base64 with padding, else without; failure or empty output means no extra data. */
    private static byte[] decodeExtra(String tail) {
        if (tail.isEmpty() || !isBase64Alphabet(tail)) {
            return new byte[0];
        }
        try {
            // The JDK decoder accepts the tail with or without its '=' padding.
            return Base64.getDecoder().decode(tail);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static boolean isBase64Alphabet(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '/'
                    || c == '=';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public long accessId() {
        return accessId;
    }

    /** The 64 token bytes T. */
    public byte[] tokenBytes() {
        return token.clone();
    }

    /** T[48..64): the token key. */
    public byte[] tokenKey() {
        return Arrays.copyOfRange(token, TOKEN_KEY_OFFSET, TOKEN_LENGTH);
    }

    /** T[0..48): the token head. */
    public byte[] tokenHead() {
        return Arrays.copyOfRange(token, 0, TOKEN_KEY_OFFSET);
    }

    /** The extra token data X (empty if none). */
    public byte[] extraTokenData() {
        return extra.clone();
    }

    public boolean hasExtraTokenData() {
        return extra.length > 0;
    }

    /** The RC5-64 schedule of the token key. */
    public Rc5x64 tokenCipher() {
        return tokenCipher;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessCredentials other
                && accessId == other.accessId
                && Arrays.equals(token, other.token)
                && Arrays.equals(extra, other.extra);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accessId) * 31 + Arrays.hashCode(token);
    }

    @Override
    public String toString() {
        return "AccessCredentials[accessId=<redacted>, token=<redacted " + TOKEN_LENGTH + " bytes>, extra="
                + extra.length + " bytes]";
    }
}
