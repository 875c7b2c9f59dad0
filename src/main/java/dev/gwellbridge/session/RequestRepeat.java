package dev.gwellbridge.session;

/**
 * Repeats one unanswered set-up request a bounded number of times. A lost datagram would otherwise
 * fail the whole session; each repeat is byte-identical, so the server sees a mere duplicate, and it
 * gives the answer a full read timeout again.
 */
final class RequestRepeat {
    private final int limit;
    private final long interval;
    private final long read;
    private int repeats;
    private long dueAt = Long.MAX_VALUE;

    /**
     * @param limit how many times the request may be repeated
     * @param interval milliseconds between two sends
     * @param read milliseconds the answer may take after the latest send
     */
    RequestRepeat(int limit, long interval, long read) {
        this.limit = limit;
        this.interval = interval;
        this.read = read;
    }

    /** The request went out for the first time at {@code now}. */
    void sent(long now) {
        dueAt = now + interval;
    }

    /**
     * Repeats the request when it is due and still unanswered.
     *
     * @return the read deadline, moved out when the request was repeated
     */
    long onTick(long now, boolean unanswered, long deadline, Runnable send) {
        if (now < dueAt) {
            return deadline;
        }
        if (!unanswered || repeats >= limit) {
            dueAt = Long.MAX_VALUE;
            return deadline;
        }
        repeats++;
        send.run();
        dueAt = now + interval;
        return Math.max(deadline, now + read);
    }

    /** How many times the request was repeated. */
    int repeats() {
        return repeats;
    }

    void stop() {
        dueAt = Long.MAX_VALUE;
    }

    /** When the next repeat is due, or {@link Long#MAX_VALUE}. */
    long dueAt() {
        return dueAt;
    }
}
