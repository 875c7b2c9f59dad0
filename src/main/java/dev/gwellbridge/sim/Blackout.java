package dev.gwellbridge.sim;

/**
 * A time range in which a link loses every datagram, measured from the simulator's start.
 *
 * @param startMs first millisecond of the blackout
 * @param durationMs its length; positive
 */
public record Blackout(long startMs, long durationMs) {
    public Blackout {
        if (startMs < 0 || durationMs <= 0) {
            throw new IllegalArgumentException("blackout needs start >= 0 and a positive duration");
        }
    }

    /** The first millisecond after the blackout. */
    public long endMs() {
        return startMs + durationMs;
    }
}
