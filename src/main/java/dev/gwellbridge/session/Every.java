package dev.gwellbridge.session;

/**
 * A periodic timer on the machine's clock. After a stall it fires once, not once per missed
 * period.
 */
final class Every {
    private final long period;
    private long next;

    /** First fires {@code period} after {@code now}. */
    Every(long period, long now) {
        this.period = period;
        this.next = now + period;
    }

    /** Whether the timer fired at {@code now}; if so, it is re-armed. */
    boolean due(long now) {
        if (now < next) {
            return false;
        }
        next += period;
        if (next <= now) {
            next = now + period;
        }
        return true;
    }

    long next() {
        return next;
    }
}
