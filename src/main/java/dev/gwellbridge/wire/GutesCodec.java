package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Rc5x32;

/**
 * Encoder and decoder of one GUTES message type (or one family sharing a subtype).
 *
 * <p>{@link #encodePlain} builds the plaintext frame with its checksum stored; {@link #encode}
 * seals it with the encryption mode its flags announce. {@link #decode} parses a frame that was
 * already decrypted (see {@link GutesCipher#robustDecrypt}); {@link #decodeWire} does both.
 * Implementations are stateless and thread-safe; decoders throw {@link FrameException} and nothing
 * else.
 *
 * @param <M> the message type
 */
public interface GutesCodec<M extends GutesMessage> {

    /** The plaintext frame, checksum stored, not encrypted. */
    byte[] encodePlain(M message);

    /** Parses a decrypted frame. */
    M decode(byte[] plain) throws FrameException;

    /**
     * The frame as sent: plaintext sealed with the mode of its flags.
     *
     * @param sessionKey the session key schedule; may be {@code null} unless the mode is 2
     */
    default byte[] encode(M message, Rc5x32 sessionKey) {
        return GutesCipher.seal(encodePlain(message), sessionKey);
    }

    /**
     * Robust-decrypts a received frame and parses it.
     *
     * @param sessionKey the session key schedule, or {@code null} if none is known yet
     */
    default M decodeWire(byte[] wire, Rc5x32 sessionKey) throws FrameException {
        return decode(GutesCipher.robustDecrypt(wire, sessionKey).frame());
    }
}
