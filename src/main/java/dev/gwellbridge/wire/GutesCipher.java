package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GUTES frame encryption (GWELL-PROTOCOL.md §5.5).
 *
 * <p>Sender, modes 1 and 2, after the checksum is stored: RC5-32-encrypt the block [12..20)
 * (sqnum + checksum) and every whole 8-byte payload block inside [24..24+L) with the mode's key,
 * then apply the ID step. Mode 0 is the ID step alone. The <b>ID step</b> RC5-32-encrypts [4..12)
 * with the password key {@code www.gwell.cc}, then XORs [4..8) with the (already encrypted)
 * [12..16) and [8..12) with [16..20). The receiver mirrors the order and then verifies the
 * checksum, unless flags bit 21 is set.
 *
 * <p>Keys: mode 1 uses the frame key {@code frame[0..4) + frame[20..23) + 00}, bytes that are never
 * encrypted; mode 2 the session key's RC5-32 schedule. All methods are stateless.
 */
public final class GutesCipher {
    private static final Logger LOG = LoggerFactory.getLogger(GutesCipher.class);

    /** The password key's RC5-32 schedule (key ASCII {@code www.gwell.cc}). */
    private static final Rc5x32 PASSWORD = Rc5x32.of("www.gwell.cc".getBytes(StandardCharsets.US_ASCII));

    /** The client's attempt order after the mode-specific ones: mode 1, mode 2, mode 0. */
    private static final GutesMode[] FALLBACK_ORDER = {GutesMode.FRAME_KEY, GutesMode.SESSION_KEY, GutesMode.ID_ONLY};

    private GutesCipher() {}

    /** The 8 bytes of the mode-1 key: proto, subtype, both length bytes, flags bytes 0..2, zero. */
    public static byte[] frameKey(byte[] frame) {
        return new byte[] {frame[0], frame[1], frame[2], frame[3], frame[20], frame[21], frame[22], 0};
    }

    /**
     * Encrypts a plaintext frame whose checksum is already stored, in place, with the mode its
     * flags announce.
     *
     * @param sessionKey the session key schedule; needed only for mode 2
     * @throws IllegalArgumentException for mode 3, or mode 2 without a session key
     */
    public static void encrypt(byte[] frame, Rc5x32 sessionKey) {
        GutesMode mode = GutesMode.ofFlags(Le.int32(frame, 20));
        if (mode == null) {
            throw new IllegalArgumentException("gutes: encryption mode 3 is not defined");
        }
        encrypt(frame, mode, sessionKey);
    }

    /** Encrypts a plaintext frame whose checksum is already stored, in place, with {@code mode}. */
    public static void encrypt(byte[] frame, GutesMode mode, Rc5x32 sessionKey) {
        if (mode != GutesMode.ID_ONLY) {
            Rc5x32 key = key(frame, mode, sessionKey);
            key.encryptBlock(frame, 12);
            key.encrypt(frame, GutesHeader.SIZE, payloadSpan(frame));
        }
        encryptId(frame);
    }

    /** A sealed copy of a plaintext frame: {@link #encrypt(byte[], Rc5x32)} on a clone. */
    public static byte[] seal(byte[] plain, Rc5x32 sessionKey) {
        byte[] wire = plain.clone();
        encrypt(wire, sessionKey);
        return wire;
    }

    /**
     * Decrypts a frame in place with {@code mode} and reports whether it is accepted: the checksum
     * verifies, or flags bit 21 says to skip the check. Returns false, without touching the frame,
     * for mode 2 without a session key or a frame shorter than the header.
     */
    public static boolean decrypt(byte[] frame, GutesMode mode, Rc5x32 sessionKey) {
        if (frame.length < GutesHeader.SIZE) {
            return false;
        }
        if (mode == GutesMode.SESSION_KEY && sessionKey == null) {
            return false;
        }
        decryptId(frame);
        if (mode != GutesMode.ID_ONLY) {
            Rc5x32 key = key(frame, mode, sessionKey);
            key.decryptBlock(frame, 12);
            key.decrypt(frame, GutesHeader.SIZE, payloadSpan(frame));
        }
        return GutesFlags.skipsChecksum(Le.int32(frame, 20)) || GutesChecksum.verifies(frame);
    }

    /**
     * The client's "try decrypt" (§5.5): on a fresh copy each time, mode field 2 tries mode 2 then
     * 1; mode field 1 tries 1 then 2; mode field 0 tries 0; then, whatever the field, 1, 2, 0. The
     * first attempt accepted by {@link #decrypt} wins. A frame with flags bit 21 is therefore
     * accepted by the first attempt even under a wrong key: validate its content.
     *
     * @param sessionKey the session key schedule, or {@code null} before certify (mode 2 skipped)
     */
    public static DecryptedFrame robustDecrypt(byte[] wire, Rc5x32 sessionKey) throws FrameException {
        if (wire.length < GutesHeader.SIZE) {
            throw new FrameException("gutes: " + wire.length + " bytes, shorter than the header");
        }
        int tried = 0;
        for (GutesMode mode : attemptOrder(Le.int32(wire, 20))) {
            if ((tried & 1 << mode.bits()) != 0) {
                continue; // every attempt is deterministic, so a repeat cannot succeed
            }
            tried |= 1 << mode.bits();
            byte[] copy = wire.clone();
            if (decrypt(copy, mode, sessionKey)) {
                LOG.trace("gutes: sub 0x{} decrypted with {}", Integer.toHexString(wire[1] & 0xFF), mode.label());
                return new DecryptedFrame(mode, copy);
            }
        }
        throw new FrameException("gutes: no decryption mode gives a valid checksum");
    }

    private static GutesMode[] attemptOrder(int flags) {
        GutesMode[] first = switch (GutesFlags.modeBits(flags)) {
            case 2 -> new GutesMode[] {GutesMode.SESSION_KEY, GutesMode.FRAME_KEY};
            case 1 -> new GutesMode[] {GutesMode.FRAME_KEY, GutesMode.SESSION_KEY};
            case 0 -> new GutesMode[] {GutesMode.ID_ONLY};
            default -> new GutesMode[0];
        };
        GutesMode[] all = new GutesMode[first.length + FALLBACK_ORDER.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(FALLBACK_ORDER, 0, all, first.length, FALLBACK_ORDER.length);
        return all;
    }

    /** The ID step alone, sender side: encrypt [4..12) with the password key, then XOR. */
    public static void encryptId(byte[] frame) {
        PASSWORD.encryptBlock(frame, 4);
        xorId(frame);
    }

    /** The ID step alone, receiver side: XOR, then decrypt [4..12) with the password key. */
    public static void decryptId(byte[] frame) {
        xorId(frame);
        PASSWORD.decryptBlock(frame, 4);
    }

    private static void xorId(byte[] frame) {
        for (int i = 0; i < 8; i++) {
            frame[4 + i] ^= frame[12 + i];
        }
    }

    private static Rc5x32 key(byte[] frame, GutesMode mode, Rc5x32 sessionKey) {
        if (mode == GutesMode.FRAME_KEY) {
            return Rc5x32.of(frameKey(frame));
        }
        if (sessionKey == null) {
            throw new IllegalArgumentException("gutes: mode 2 needs the session key");
        }
        return sessionKey;
    }

    /** Bytes from offset 24 that take part in payload encryption: L, bounded by the buffer. */
    private static int payloadSpan(byte[] frame) {
        int l = GutesFlags.protectedLength(Le.uint16(frame, 2), Le.int32(frame, 20));
        return Math.min(l, frame.length - GutesHeader.SIZE);
    }
}
