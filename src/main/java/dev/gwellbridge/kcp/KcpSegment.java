package dev.gwellbridge.kcp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One KCP segment in stock wire format (GWELL-PROTOCOL.md §9.1); layout in {@link
 * KcpSegmentCodec}. Immutable; the data is copied in and out. 32-bit fields are kept as Java
 * {@code int}s holding the unsigned value's bits.
 *
 * @param conv LE32 conversation id
 * @param cmd {@link #IKCP_CMD_PUSH}, {@link #IKCP_CMD_ACK}, {@link #IKCP_CMD_WASK} or {@link
 *     #IKCP_CMD_WINS}
 * @param frg fragments remaining after this one (0..255)
 * @param wnd sender's free receive window in segments (0..65535)
 * @param ts sender's ms clock; an ACK echoes the ts of the segment it acknowledges
 * @param sn sequence number
 * @param una next sn the sender expects
 * @param data payload
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString compare contents
public record KcpSegment(int conv, int cmd, int frg, int wnd, int ts, int sn, int una, byte[] data) {
    /** cmd: data. */
    public static final int IKCP_CMD_PUSH = 81;
    /** cmd: acknowledgement. */
    public static final int IKCP_CMD_ACK = 82;
    /** cmd: window probe (ask). */
    public static final int IKCP_CMD_WASK = 83;
    /** cmd: window size (tell). */
    public static final int IKCP_CMD_WINS = 84;
    /** Header length. */
    public static final int IKCP_OVERHEAD = 24;

    public KcpSegment {
        if (cmd < IKCP_CMD_PUSH || cmd > IKCP_CMD_WINS) {
            throw new IllegalArgumentException("kcp: unknown cmd " + cmd);
        }
        if (frg < 0 || frg > 0xFF || wnd < 0 || wnd > 0xFFFF) {
            throw new IllegalArgumentException("kcp: frg or wnd out of range");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Length of the data without copying it. */
    public int dataLength() {
        return data.length;
    }

    /** Encoded length: header plus data. */
    public int encodedLength() {
        return IKCP_OVERHEAD + data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KcpSegment s
                && s.conv == conv
                && s.cmd == cmd
                && s.frg == frg
                && s.wnd == wnd
                && s.ts == ts
                && s.sn == sn
                && s.una == una
                && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        int h = conv;
        for (int v : new int[] {cmd, frg, wnd, ts, sn, una}) {
            h = h * 31 + v;
        }
        return h * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format(
                "KcpSegment[conv=0x%08x, cmd=%d, frg=%d, wnd=%d, ts=%d, sn=%d, una=%d, data=%s]",
                conv,
                cmd,
                frg,
                wnd,
                Integer.toUnsignedLong(ts),
                Integer.toUnsignedLong(sn),
                Integer.toUnsignedLong(una),
                HexFormat.of().formatHex(data));
    }
}
