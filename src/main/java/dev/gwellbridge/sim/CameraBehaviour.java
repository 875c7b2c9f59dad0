package dev.gwellbridge.sim;

/**
 * How a simulated camera behaves: its timers, the limits at which it gives up, and how it cuts
 * video (GWELL-PROTOCOL.md §13.2).
 *
 * @param meterIntervalMs interval of the camera's own meter requests (reported: 2000 ms)
 * @param meterTimeoutMs the camera ends the call after this long without a meter request from the
 *     client (reported: about 119 s)
 * @param meterGapMs a gap between the client's meter requests longer than this while streaming is
 *     recorded as a violation (the client sends one every 2 s)
 * @param avInitTimeoutMs after ACCEPT, a missing viewer AV_INIT is recorded as a violation after
 *     this long (the camera keeps waiting)
 * @param ackStallMs segments in flight without ACK progress for this long are recorded as a
 *     violation; the camera keeps its full window and sends nothing new meanwhile
 * @param renewalTimeoutMs if positive, video stops after this long without an INITREQ renewal
 *     (the doorbell-lineage timer of §11.8, unverified); 0 = never
 * @param bodyBytes AV message body size for video (reported: about 1000 bytes)
 * @param loopSource whether the source starts over when it ends (else the stream just stops)
 */
public record CameraBehaviour(
        long meterIntervalMs,
        long meterTimeoutMs,
        long meterGapMs,
        long avInitTimeoutMs,
        long ackStallMs,
        long renewalTimeoutMs,
        int bodyBytes,
        boolean loopSource) {
    /** The behaviour reported for real cameras. */
    public static final CameraBehaviour DEFAULT =
            new CameraBehaviour(2_000, 119_000, 3_000, 5_000, 10_000, 0, 1_000, true);

    public CameraBehaviour {
        if (meterIntervalMs <= 0 || meterTimeoutMs <= 0 || meterGapMs <= 0 || avInitTimeoutMs <= 0 || ackStallMs <= 0) {
            throw new IllegalArgumentException("camera timers must be positive");
        }
        if (renewalTimeoutMs < 0) {
            throw new IllegalArgumentException("renewal timeout cannot be negative");
        }
        if (bodyBytes < 16 || bodyBytes > 1300) {
            throw new IllegalArgumentException("video body size must be 16..1300 bytes (one KCP segment)");
        }
    }

    public CameraBehaviour withMeterTimeoutMs(long ms) {
        return new CameraBehaviour(
                meterIntervalMs, ms, meterGapMs, avInitTimeoutMs, ackStallMs, renewalTimeoutMs, bodyBytes, loopSource);
    }

    public CameraBehaviour withAvInitTimeoutMs(long ms) {
        return new CameraBehaviour(
                meterIntervalMs, meterTimeoutMs, meterGapMs, ms, ackStallMs, renewalTimeoutMs, bodyBytes, loopSource);
    }

    public CameraBehaviour withAckStallMs(long ms) {
        return new CameraBehaviour(
                meterIntervalMs,
                meterTimeoutMs,
                meterGapMs,
                avInitTimeoutMs,
                ms,
                renewalTimeoutMs,
                bodyBytes,
                loopSource);
    }

    public CameraBehaviour withRenewalTimeoutMs(long ms) {
        return new CameraBehaviour(
                meterIntervalMs, meterTimeoutMs, meterGapMs, avInitTimeoutMs, ackStallMs, ms, bodyBytes, loopSource);
    }

    public CameraBehaviour withLoopSource(boolean loop) {
        return new CameraBehaviour(
                meterIntervalMs,
                meterTimeoutMs,
                meterGapMs,
                avInitTimeoutMs,
                ackStallMs,
                renewalTimeoutMs,
                bodyBytes,
                loop);
    }

    public CameraBehaviour withMeterGapMs(long ms) {
        return new CameraBehaviour(
                meterIntervalMs,
                meterTimeoutMs,
                ms,
                avInitTimeoutMs,
                ackStallMs,
                renewalTimeoutMs,
                bodyBytes,
                loopSource);
    }
}
