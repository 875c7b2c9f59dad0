package dev.gwellbridge.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated network does to the datagrams of one direction of one link. Applied with a
 * seeded random generator, so the same seed and the same traffic give the same decisions.
 *
 * @param lossPercent chance of losing a datagram, 0..100
 * @param duplicatePercent chance of delivering a datagram twice, 0..100
 * @param reorderWindow up to this many later datagrams may overtake a datagram (0 = in order)
 * @param delayMs added one-way delay
 * @param jitterMs extra delay drawn uniformly from 0..jitterMs per datagram
 * @param blackouts time ranges with 100 % loss
 */
public record Impairment(
        double lossPercent,
        double duplicatePercent,
        int reorderWindow,
        int delayMs,
        int jitterMs,
        List<Blackout> blackouts) {
    /** A perfect link. */
    public static final Impairment NONE = new Impairment(0, 0, 0, 0, 0, List.of());

    public Impairment {
        if (!(lossPercent >= 0 && lossPercent <= 100) || !(duplicatePercent >= 0 && duplicatePercent <= 100)) {
            throw new IllegalArgumentException("loss and duplication are percentages 0..100");
        }
        if (reorderWindow < 0 || delayMs < 0 || jitterMs < 0) {
            throw new IllegalArgumentException("reorder window, delay and jitter cannot be negative");
        }
        blackouts = List.copyOf(blackouts);
    }

    /** A link that only loses datagrams. */
    public static Impairment loss(double percent) {
        return NONE.withLoss(percent);
    }

    public Impairment withLoss(double percent) {
        return new Impairment(percent, duplicatePercent, reorderWindow, delayMs, jitterMs, blackouts);
    }

    public Impairment withDuplication(double percent) {
        return new Impairment(lossPercent, percent, reorderWindow, delayMs, jitterMs, blackouts);
    }

    public Impairment withReorderWindow(int window) {
        return new Impairment(lossPercent, duplicatePercent, window, delayMs, jitterMs, blackouts);
    }

    public Impairment withDelay(int delay, int jitter) {
        return new Impairment(lossPercent, duplicatePercent, reorderWindow, delay, jitter, blackouts);
    }

    /** This impairment plus one more blackout. */
    public Impairment withBlackout(Blackout blackout) {
        List<Blackout> all = new ArrayList<>(blackouts);
        all.add(blackout);
        return new Impairment(lossPercent, duplicatePercent, reorderWindow, delayMs, jitterMs, all);
    }

    /** Whether this impairment changes nothing. */
    public boolean isNone() {
        return lossPercent == 0
                && duplicatePercent == 0
                && reorderWindow == 0
                && delayMs == 0
                && jitterMs == 0
                && blackouts.isEmpty();
    }
}
