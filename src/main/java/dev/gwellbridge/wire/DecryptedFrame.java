package dev.gwellbridge.wire;

/**
 * The result of {@link GutesCipher#robustDecrypt}: the plaintext frame (checksum field included)
 * and the decryption attempt that produced it.
 */
public final class DecryptedFrame {
    private final GutesMode mode;
    private final byte[] frame;

    DecryptedFrame(GutesMode mode, byte[] frame) {
        this.mode = mode;
        this.frame = frame;
    }

    /** The attempt whose checksum verified (or the first one tried under flags bit 21). */
    public GutesMode mode() {
        return mode;
    }

    /** The plaintext frame. Not copied: the array was made for this result and the caller owns it. */
    public byte[] frame() {
        return frame;
    }

    /** The subtype byte (never encrypted). */
    public int subtype() {
        return frame[1] & 0xFF;
    }

    @Override
    public String toString() {
        return "DecryptedFrame[sub=0x" + Integer.toHexString(subtype()) + ", " + mode.label() + ", " + frame.length
                + " bytes]";
    }
}
