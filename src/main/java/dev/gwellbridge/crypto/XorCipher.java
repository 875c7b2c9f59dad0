package dev.gwellbridge.crypto;

/**
 * Repeating-key XOR of GWELL-PROTOCOL.md §4.4: {@code out[i] = in[i] ^ key[i % key.length]}. An
 * empty key leaves the data unchanged; the operation is its own inverse. The reference client ships
 * it, but no observed message uses it.
 */
public final class XorCipher {
    private XorCipher() {}

    /** Returns a new array holding {@code data} XORed with the repeating {@code key}. */
    public static byte[] apply(byte[] data, byte[] key) {
        byte[] out = data.clone();
        if (key.length == 0) {
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] ^= key[i % key.length];
        }
        return out;
    }
}
