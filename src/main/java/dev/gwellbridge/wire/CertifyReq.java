package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.SignaturePrimitives;
import java.util.random.RandomGenerator;

/**
 * CertifyReq (0x0C, client → server, 164 bytes): the login. See {@link CertifyReqCodec} for the
 * layout. Every random input is a field, so a frame can be rebuilt byte for byte.
 *
 * @param accessId the viewer's accessId (ID words, proto 0x7F)
 * @param sqnum the sequence number (1 for the first attempt)
 * @param randomFlags flags bits 1..15 ({@code r << 1}, r uniform in [0, 0x7FFF)); part of the
 *     mode-1 key
 * @param sessionKey the 32 random bytes that become the session key
 * @param nonce the 12 random bytes of the signature
 * @param timeMillis the time trailer's LE64 value (Unix milliseconds in the reference)
 */
public record CertifyReq(long accessId, int sqnum, int randomFlags, Octets sessionKey, Octets nonce, long timeMillis)
        implements GutesMessage {
    /** Length of the session key. */
    public static final int SESSION_KEY_LENGTH = 32;
    /** Flags without the random bits: mode 1, send type 3, signature, time trailer. */
    public static final int BASE_FLAGS = 0x014D0000;

    public CertifyReq {
        if ((randomFlags & ~GutesFlags.RANDOM_MASK) != 0) {
            throw new IllegalArgumentException("randomFlags must lie in bits 1..15");
        }
        if (sessionKey.length() != SESSION_KEY_LENGTH) {
            throw new IllegalArgumentException("session key must be 32 bytes");
        }
        if (nonce.length() != SignaturePrimitives.NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be 12 bytes");
        }
    }

    /**
     * A request with fresh random inputs: flag bits, a 32-byte session key and a 12-byte nonce.
     *
     * @param timeMillis the time trailer value (the reference sends Unix milliseconds)
     */
    public static CertifyReq random(long accessId, int sqnum, RandomGenerator random, long timeMillis) {
        int flags = GutesFlags.randomBits(random);
        byte[] sessionKey = new byte[SESSION_KEY_LENGTH];
        random.nextBytes(sessionKey);
        byte[] nonce = new byte[SignaturePrimitives.NONCE_LENGTH];
        random.nextBytes(nonce);
        return new CertifyReq(accessId, sqnum, flags, Octets.of(sessionKey), Octets.of(nonce), timeMillis);
    }

    /** The flags word as sent. */
    public int flags() {
        return BASE_FLAGS | randomFlags;
    }

    @Override
    public int subtype() {
        return SUB_CERTIFY_REQ;
    }
}
