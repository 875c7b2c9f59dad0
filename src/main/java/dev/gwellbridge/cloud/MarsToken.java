package dev.gwellbridge.cloud;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A Mars {@code accessToken} split into its two parts.
 *
 * <pre>
 * Offset (chars)  Size     Field  Meaning
 * 0               128      head   64 bytes as hex (case-insensitive); bytes 48..63 are the
 *                                 16-byte key that encrypts the CertifyReq session key
 * 128             rest     tail   base64 (padded or not), 80 bytes observed; used by the
 *                                 token-based subscribe frame (0xB0)
 * </pre>
 *
 * <p>Split by position: the base64 tail may start with characters that are valid hex.
 */
public final class MarsToken {
    /** Length of the hex head in characters. */
    public static final int HEAD_CHARS = 128;

    private final byte[] head;
    private final byte[] tail;

    private MarsToken(byte[] head, byte[] tail) {
        this.head = head;
        this.tail = tail;
    }

    /**
     * Splits a token.
     *
     * @throws IllegalArgumentException when the head is not 128 hex digits or the tail not base64;
     *     the message never contains the token
     */
    public static MarsToken parse(String accessToken) {
        if (accessToken.length() < HEAD_CHARS) {
            throw new IllegalArgumentException(
                    "access token too short: " + accessToken.length() + " characters, need at least " + HEAD_CHARS);
        }
        byte[] head;
        try {
            head = HexFormat.of().parseHex(accessToken.substring(0, HEAD_CHARS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("access token: the first 128 characters are not hexadecimal", e);
        }
        return new MarsToken(head, decodeTail(accessToken.substring(HEAD_CHARS)));
    }

    private static byte[] decodeTail(String tail) {
        try {
            // Java's basic decoder accepts the tail with or without '=' padding.
            return Base64.getDecoder().decode(tail.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("access token: the part after character 128 is not base64", e);
        }
    }

    /** The 64 bytes of the hex head. */
    public byte[] head() {
        return head.clone();
    }

    /** The decoded base64 tail. */
    public byte[] tail() {
        return tail.clone();
    }

    /** Bytes 48..63 of the head: the CertifyReq key. */
    public byte[] certifyKey() {
        return Arrays.copyOfRange(head, 48, 64);
    }
}
