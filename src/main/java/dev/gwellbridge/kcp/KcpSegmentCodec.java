package dev.gwellbridge.kcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Stock KCP segment codec (GWELL-PROTOCOL.md §9.1; {@code ikcp_encode_seg} and the header reads of
 * {@code ikcp_input}).
 *
 * <pre>
 * Off  Size  Field  Meaning
 *   0     4  conv   LE32 conversation id (DATA: linkId &amp; 0x7FFFFFFF, CTRL: linkId | 0x80000000)
 *   4     1  cmd    81 PUSH, 82 ACK, 83 WASK (window probe), 84 WINS (window answer)
 *   5     1  frg    fragments remaining after this one (counts down to 0)
 *   6     2  wnd    LE16 sender's free receive window (segments)
 *   8     4  ts     LE32 sender's ms clock (an ACK echoes the acknowledged segment's ts)
 *  12     4  sn     LE32 sequence number
 *  16     4  una    LE32 next sn the sender expects (all below are received)
 *  20     4  len    LE32 data bytes that follow
 *  24   len  data
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class KcpSegmentCodec {
    private KcpSegmentCodec() {}

    public static byte[] encode(KcpSegment s) {
        byte[] out = new byte[s.encodedLength()];
        encode(s, out, 0);
        return out;
    }

    /** Writes {@code s} at {@code dst[off..)}; returns the bytes written. */
    public static int encode(KcpSegment s, byte[] dst, int off) {
        byte[] data = s.data();
        encodeHeader(dst, off, s.conv(), s.cmd(), s.frg(), s.wnd(), s.ts(), s.sn(), s.una(), data.length);
        System.arraycopy(data, 0, dst, off + KcpSegment.IKCP_OVERHEAD, data.length);
        return KcpSegment.IKCP_OVERHEAD + data.length;
    }

    /** {@code ikcp_encode_seg}: writes a 24-byte header. */
    static void encodeHeader(byte[] b, int o, int conv, int cmd, int frg, int wnd, int ts, int sn, int una, int len) {
        putInt32(b, o, conv);
        b[o + 4] = (byte) cmd;
        b[o + 5] = (byte) frg;
        b[o + 6] = (byte) wnd;
        b[o + 7] = (byte) (wnd >>> 8);
        putInt32(b, o + 8, ts);
        putInt32(b, o + 12, sn);
        putInt32(b, o + 16, una);
        putInt32(b, o + 20, len);
    }

    /**
     * Decodes the one segment at the start of {@code buf[off..off+len)}; bytes after it are ignored
     * (use {@link KcpSegment#encodedLength()} to step on).
     */
    public static KcpSegment decode(byte[] buf, int off, int len) throws KcpFormatException {
        if (len < KcpSegment.IKCP_OVERHEAD) {
            throw new KcpFormatException("kcp: " + len + " bytes, a segment header needs 24");
        }
        int cmd = buf[off + 4] & 0xFF;
        if (cmd < KcpSegment.IKCP_CMD_PUSH || cmd > KcpSegment.IKCP_CMD_WINS) {
            throw new KcpFormatException("kcp: unknown cmd " + cmd);
        }
        long dataLen = int32(buf, off + 20) & 0xFFFF_FFFFL;
        if (dataLen > len - KcpSegment.IKCP_OVERHEAD) {
            throw new KcpFormatException("kcp: segment data of " + dataLen + " bytes runs past the buffer");
        }
        byte[] data = new byte[(int) dataLen];
        System.arraycopy(buf, off + KcpSegment.IKCP_OVERHEAD, data, 0, data.length);
        return new KcpSegment(
                int32(buf, off),
                cmd,
                buf[off + 5] & 0xFF,
                (buf[off + 6] & 0xFF) | (buf[off + 7] & 0xFF) << 8,
                int32(buf, off + 8),
                int32(buf, off + 12),
                int32(buf, off + 16),
                data);
    }

    /** Decodes back-to-back segments filling {@code buf[off..off+len)} exactly. */
    public static List<KcpSegment> decodeAll(byte[] buf, int off, int len) throws KcpFormatException {
        List<KcpSegment> out = new ArrayList<>();
        int p = off;
        int end = off + len;
        while (p < end) {
            KcpSegment s = decode(buf, p, end - p);
            out.add(s);
            p += s.encodedLength();
        }
        return out;
    }

    static int int32(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }

    static void putInt32(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
        b[o + 2] = (byte) (v >>> 16);
        b[o + 3] = (byte) (v >>> 24);
    }
}
