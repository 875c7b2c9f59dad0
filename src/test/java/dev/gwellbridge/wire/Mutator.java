package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Seeded random inputs and mutations of valid inputs for decoder robustness tests: bit flips,
 * truncation, extension, edits of the length field and of count-like words.
 */
final class Mutator {
    private static final int[] EDGE_WORDS = {0, 1, 2, 0x20, 0x21, 0x7F, 0x80, 0xFF, 0xFFFF, 0x7FFFFFFF, -1, 0x10000};

    private final RandomGenerator r;

    Mutator(RandomGenerator random) {
        this.r = random;
    }

    /** Random bytes, usually short; sometimes with a plausible GUTES header around them. */
    byte[] random(int subtypeHint) {
        int len = r.nextInt(16) == 0 ? r.nextInt(2000) : r.nextInt(300);
        byte[] b = new byte[len];
        r.nextBytes(b);
        if (len >= 24 && r.nextBoolean()) {
            b[0] = (byte) (r.nextBoolean() ? 0x7E : 0x7F);
            b[1] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : subtypeHint);
            Le.putInt16(b, 2, len);
            if (r.nextBoolean()) {
                b[22] |= 0x20; // flags bit 21: the frame passes decryption as garbage
            }
        }
        return b;
    }

    /** One to three mutations of a copy of {@code valid}. */
    byte[] mutate(byte[] valid) {
        byte[] b = valid.clone();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            b = mutateOnce(b);
        }
        return b;
    }

    private byte[] mutateOnce(byte[] b) {
        switch (r.nextInt(6)) {
            case 0 -> {
                for (int i = 1 + r.nextInt(4); i > 0 && b.length > 0; i--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 1 -> {
                return Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            }
            case 2 -> {
                byte[] longer = Arrays.copyOf(b, b.length + 1 + r.nextInt(64));
                for (int i = b.length; i < longer.length; i++) {
                    longer[i] = (byte) r.nextInt(256);
                }
                return longer;
            }
            case 3 -> {
                if (b.length >= 4) {
                    int v = r.nextBoolean() ? r.nextInt(0x10000) : Le.uint16(b, 2) + r.nextInt(9) - 4;
                    Le.putInt16(b, 2, v);
                }
                return b;
            }
            case 4 -> {
                if (b.length >= 4) {
                    int off = r.nextInt(b.length - 3);
                    Le.putInt32(b, off, EDGE_WORDS[r.nextInt(EDGE_WORDS.length)]);
                }
                return b;
            }
            default -> {
                if (b.length > 0) {
                    b[r.nextInt(b.length)] = (byte) EDGE_WORDS[r.nextInt(EDGE_WORDS.length)];
                }
                return b;
            }
        }
    }

    /** Mutates a plaintext frame and seals it again, so the damage reaches the content decoders. */
    byte[] mutateAndReseal(byte[] plain, dev.gwellbridge.crypto.Rc5x32 key) {
        byte[] b = mutate(plain);
        if (b.length < GutesHeader.SIZE) {
            return b;
        }
        if (GutesFlags.modeBits(Le.int32(b, 20)) == 3) {
            b[22] &= (byte) 0xFE;
        }
        if (r.nextInt(4) != 0) {
            GutesChecksum.store(b);
        }
        return GutesCipher.seal(b, key);
    }
}
