package dev.gwellbridge.session;

import dev.gwellbridge.crypto.SignaturePrimitives;
import dev.gwellbridge.wire.Calling;
import dev.gwellbridge.wire.CertifyReq;
import dev.gwellbridge.wire.DetectReq2;
import dev.gwellbridge.wire.GutesFlags;
import dev.gwellbridge.wire.ListFrmRequest;
import java.util.random.RandomGenerator;

/**
 * Every random value a session uses. The state machine draws nothing elsewhere, so a replay can
 * hand it the values a recorded session used and get the recorded bytes back.
 *
 * <p>Called on the session thread only.
 */
public interface SessionEntropy {

    /** 32 bytes: the session key chosen in a CertifyReq. */
    byte[] sessionKey();

    /** 12 bytes: the nonce of a CertifyReq signature. */
    byte[] nonce();

    /** Flags bits 1..15 of CertifyReq and NetworkDetect: {@code r << 1}, r in [0, 0x7FFF). */
    int flagBits();

    /**
     * The linkId of the call: its DATA conv ({@code linkId & 0x7FFFFFFF}) must be non-zero, and a
     * zero low byte is avoided so that no conv can be misread as a session-control prefix (§8.3).
     */
    int linkId();

    /** 8 bytes: the MTP key of the call. */
    byte[] mtpKey();

    /** The non-zero streamId of the INITREQ. */
    int streamId();

    /** A probe with random content (server discovery and camera candidates). */
    DetectReq2 detectReq2();

    /** A server-list request with random content. */
    ListFrmRequest listFrmRequest();

    /** Values drawn from {@code random} (pass a {@code SecureRandom} in production). */
    static SessionEntropy from(RandomGenerator random) {
        return new SessionEntropy() {
            @Override
            public byte[] sessionKey() {
                return bytes(CertifyReq.SESSION_KEY_LENGTH);
            }

            @Override
            public byte[] nonce() {
                return bytes(SignaturePrimitives.NONCE_LENGTH);
            }

            @Override
            public int flagBits() {
                return GutesFlags.randomBits(random);
            }

            @Override
            public int linkId() {
                int v;
                do {
                    v = random.nextInt();
                } while ((v & 0x7FFF_FFFF) == 0 || (v & 0xFF) == 0);
                return v;
            }

            @Override
            public byte[] mtpKey() {
                return bytes(Calling.MTP_KEY_LENGTH);
            }

            @Override
            public int streamId() {
                return nonZero();
            }

            @Override
            public DetectReq2 detectReq2() {
                return DetectReq2.random(random);
            }

            @Override
            public ListFrmRequest listFrmRequest() {
                return ListFrmRequest.random(random);
            }

            private byte[] bytes(int n) {
                byte[] b = new byte[n];
                random.nextBytes(b);
                return b;
            }

            private int nonZero() {
                int v;
                do {
                    v = random.nextInt();
                } while (v == 0);
                return v;
            }
        };
    }
}
