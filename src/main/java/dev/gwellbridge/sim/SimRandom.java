package dev.gwellbridge.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Derives independent random generators from the run seed, one per purpose ("camera-2 down",
 * "server ids", ...). A generator depends only on the seed and its label, never on the order in
 * which generators are created or used, so one direction's traffic cannot shift another's draws.
 */
final class SimRandom {
    private final long seed;

    SimRandom(long seed) {
        this.seed = seed;
    }

    /** A fresh generator for {@code label}; the same seed and label always give the same sequence. */
    RandomGenerator derive(String label) {
        long h = mix(seed);
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return new SplittableRandom(h);
    }

    /** The finaliser of SplitMix64: a bijective scramble of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
