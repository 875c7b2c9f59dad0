package dev.gwellbridge.crypto;

/**
 * {@code giot_hash_string} of GWELL-PROTOCOL.md §4.5, a 32-bit string hash over unsigned bytes.
 *
 * <p>Note the grouping: the sum {@code c + 32h + (h >>> 2)} is computed first and then XORed into
 * {@code h}. Text is hashed as its UTF-8 bytes.
 */
public final class GiotHash {
    /** The initial state, which is also the hash of empty input. */
    public static final int SEED = 0x4e67c6a7;

    private GiotHash() {}

    /** Hashes {@code data}. */
    public static int hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** Hashes {@code data[off..off+len)}. */
    public static int hash(byte[] data, int off, int len) {
        int h = SEED;
        for (int i = off; i < off + len; i++) {
            h = step(h, data[i]);
        }
        return h;
    }

    /** One step of the hash: the state after feeding byte {@code c} into state {@code h}. */
    public static int step(int h, byte c) {
        return h ^ ((c & 0xFF) + (h << 5) + (h >>> 2));
    }
}
