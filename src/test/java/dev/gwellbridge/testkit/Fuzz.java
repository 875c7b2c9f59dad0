package dev.gwellbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded robustness driver: feeds a decoder random and mutated inputs and checks that it either
 * returns or throws the one exception type it declares. Anything else fails the test, naming the
 * input.
 */
public final class Fuzz {
    /** Random inputs per decoder. */
    public static final int RANDOM = 100_000;
    /** Mutated valid inputs per decoder. */
    public static final int MUTATED = 100_000;

    /** The call under test. */
    @FunctionalInterface
    public interface Decoder {
        void decode(byte[] input) throws Exception;
    }

    /** How many calls returned and how many threw the allowed exception. */
    public record Tally(int values, int rejections) {}

    private Fuzz() {}

    /** Random bytes of random length 0..maxLen. */
    public static Tally random(long seed, int maxLen, Decoder decoder, Class<? extends Exception> allowed) {
        RandomGenerator r = new SplittableRandom(seed);
        int values = 0;
        int rejections = 0;
        for (int i = 0; i < RANDOM; i++) {
            byte[] in = new byte[r.nextInt(maxLen + 1)];
            r.nextBytes(in);
            if (call(decoder, in, allowed)) {
                values++;
            } else {
                rejections++;
            }
        }
        assertThat(values + rejections).isEqualTo(RANDOM);
        return new Tally(values, rejections);
    }

    /** Valid inputs with 1..4 random mutations each. */
    public static Tally mutated(long seed, List<byte[]> valid, Decoder decoder, Class<? extends Exception> allowed) {
        RandomGenerator r = new SplittableRandom(seed);
        int values = 0;
        int rejections = 0;
        for (int i = 0; i < MUTATED; i++) {
            byte[] in = mutate(valid.get(r.nextInt(valid.size())), r);
            if (call(decoder, in, allowed)) {
                values++;
            } else {
                rejections++;
            }
        }
        return new Tally(values, rejections);
    }

    private static boolean call(Decoder decoder, byte[] in, Class<? extends Exception> allowed) {
        try {
            decoder.decode(in);
            return true;
        } catch (Throwable t) {
            if (allowed.isInstance(t)) {
                return false;
            }
            throw new AssertionError(
                    "unexpected " + t + " for input " + HexFormat.of().formatHex(in), t);
        }
    }

    /** Applies 1..4 of: bit flip, random byte, special byte, LE32 extreme, truncation, extension, splice. */
    public static byte[] mutate(byte[] valid, RandomGenerator r) {
        byte[] b = valid.clone();
        int ops = 1 + r.nextInt(4);
        for (int k = 0; k < ops; k++) {
            int op = r.nextInt(7);
            if (b.length == 0 && op < 5) {
                op = 5;
            }
            switch (op) {
                case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[r.nextInt(b.length)] = (byte) r.nextInt();
                case 2 ->
                    b[r.nextInt(b.length)] =
                            (byte) new int[] {0x00, 0xFF, 0xC0, 0x80, 0x7F, 0x03, 0x04, 0x51}[r.nextInt(8)];
                case 3 -> {
                    if (b.length >= 4) {
                        int o = r.nextInt(b.length - 3);
                        int v = new int[] {-1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 16, r.nextInt()}
                                [r.nextInt(6)];
                        for (int i = 0; i < 4; i++) {
                            b[o + i] = (byte) (v >>> (8 * i));
                        }
                    }
                }
                case 4 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 5 -> {
                    byte[] extra = new byte[1 + r.nextInt(64)];
                    r.nextBytes(extra);
                    byte[] longer = Arrays.copyOf(b, b.length + extra.length);
                    System.arraycopy(extra, 0, longer, b.length, extra.length);
                    b = longer;
                }
                default -> {
                    if (b.length >= 2) {
                        int from = r.nextInt(b.length);
                        int to = r.nextInt(b.length);
                        int n = Math.min(r.nextInt(32) + 1, Math.min(b.length - from, b.length - to));
                        System.arraycopy(b.clone(), from, b, to, n);
                    }
                }
            }
        }
        return b;
    }
}
