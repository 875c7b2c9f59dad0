package dev.gwellbridge.session;

/**
 * Guards a virtual-clock loop: a wake-up that never moves forward would spin forever; this turns
 * it into a failure.
 */
final class Spin {
    private static final int LIMIT = 100_000;
    private long at = Long.MIN_VALUE;
    private int count;

    void check(long now, long next) {
        long t = Math.max(now, next);
        if (t != at) {
            at = t;
            count = 0;
        } else if (++count > LIMIT) {
            throw new AssertionError("the loop spins at virtual time " + t);
        }
    }
}
