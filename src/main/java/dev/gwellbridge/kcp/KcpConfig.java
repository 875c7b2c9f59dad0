package dev.gwellbridge.kcp;

/**
 * Parameters of one KCP engine (GWELL-PROTOCOL.md §9.3). The engine always runs without congestion
 * control ({@code nc = 1}): the reference never grows a congestion window.
 *
 * @param nodelay 0 as the client uses it: minimum RTO {@code minRto}, linear RTO growth
 * @param interval requested flush interval in ms; the engine clamps it to 10..5000 like {@code
 *     ikcp_interval}, so the requested 5 ms becomes 10 ms
 * @param fastResend duplicate-ACK count that triggers a fast retransmission (0 disables)
 * @param sndWnd send window in segments
 * @param rcvWnd receive window in segments (not raised to 128 as stock {@code ikcp_wndsize} would: the
 *     reference's window of 64 is reproducible)
 * @param mtu largest output buffer; segment data is at most {@code mtu - 24} (the MSS)
 * @param minRto lower bound of the RTO estimate
 * @param initialRto RTO before the first RTT sample
 * @param maxRto upper bound of the RTO estimate
 * @param deadLink transmissions of one segment after which the link counts as dead (only counted)
 */
public record KcpConfig(
        int nodelay,
        int interval,
        int fastResend,
        int sndWnd,
        int rcvWnd,
        int mtu,
        int minRto,
        int initialRto,
        int maxRto,
        int deadLink) {
    /** Stock default MTU. */
    public static final int IKCP_MTU_DEF = 1400;

    public KcpConfig {
        if (mtu < 50) {
            throw new IllegalArgumentException("kcp: mtu below 50: " + mtu);
        }
        if (sndWnd < 1 || rcvWnd < 1 || sndWnd > 0xFFFF || rcvWnd > 0xFFFF) {
            throw new IllegalArgumentException("kcp: windows must be 1..65535");
        }
        if (minRto < 1 || initialRto < 1 || maxRto < minRto || fastResend < 0 || deadLink < 1) {
            throw new IllegalArgumentException("kcp: bad RTO, fast resend or dead-link parameters");
        }
    }

    /** The client's DATA engine: nodelay 0, interval 5 (→ 10), resend 10, windows 64/512, MTU 1400. */
    public static KcpConfig data() {
        return new KcpConfig(0, 5, 10, 64, 512, IKCP_MTU_DEF, 100, 200, 60_000, 20);
    }

    /** The client's CTRL engine: as {@link #data()} with a receive window of 128. */
    public static KcpConfig ctrl() {
        return data().withRcvWnd(128);
    }

    public KcpConfig withRcvWnd(int rcvWnd) {
        return new KcpConfig(nodelay, interval, fastResend, sndWnd, rcvWnd, mtu, minRto, initialRto, maxRto, deadLink);
    }

    public KcpConfig withSndWnd(int sndWnd) {
        return new KcpConfig(nodelay, interval, fastResend, sndWnd, rcvWnd, mtu, minRto, initialRto, maxRto, deadLink);
    }

    public KcpConfig withMtu(int mtu) {
        return new KcpConfig(nodelay, interval, fastResend, sndWnd, rcvWnd, mtu, minRto, initialRto, maxRto, deadLink);
    }

    /** Segment data limit: {@code mtu - 24}. */
    public int mss() {
        return mtu - KcpSegment.IKCP_OVERHEAD;
    }

    /** The interval the engine really uses ({@code ikcp_interval}'s clamp to 10..5000 ms). */
    public int effectiveInterval() {
        return Math.max(10, Math.min(5000, interval));
    }
}
