package dev.gwellbridge.kcp;

/**
 * Builders for the segments the client makes by hand, outside any engine (GWELL-PROTOCOL.md §9.5).
 * Each result is one segment, to be sent in its own non-urgent MTP frame.
 */
public final class KcpManualSegments {
    /** The wnd field the reference writes into hand-made segments. */
    public static final int WND = 128;

    private KcpManualSegments() {}

    /**
     * An INITREQ carrier: PUSH with {@code frg 0, wnd 128, una 0}. The client sends sn 0 first and on
     * each retry re-sends sn 0 plus a new sn 1, 2, … carrying the same INITREQ; afterwards the CTRL
     * engine is moved past them with {@link KcpEndpoint#advanceSendSequence(int)}.
     *
     * @param ts the wall clock in ms, truncated to 32 bits
     */
    public static byte[] initReqPush(int ctrlConv, int sn, int ts, byte[] data) {
        byte[] out = new byte[KcpSegment.IKCP_OVERHEAD + data.length];
        KcpSegmentCodec.encodeHeader(out, 0, ctrlConv, KcpSegment.IKCP_CMD_PUSH, 0, WND, ts, sn, 0, data.length);
        System.arraycopy(data, 0, out, KcpSegment.IKCP_OVERHEAD, data.length);
        return out;
    }

    /**
     * A direct ACK for a received PUSH: {@code cmd 82, wnd 128, len 0}, same conv, sn and ts as the
     * PUSH. The reference puts the DATA engine's {@code rcv_nxt} in una even for CTRL segments.
     */
    public static byte[] directAck(int conv, int sn, int ts, int una) {
        byte[] out = new byte[KcpSegment.IKCP_OVERHEAD];
        KcpSegmentCodec.encodeHeader(out, 0, conv, KcpSegment.IKCP_CMD_ACK, 0, WND, ts, sn, una, 0);
        return out;
    }
}
