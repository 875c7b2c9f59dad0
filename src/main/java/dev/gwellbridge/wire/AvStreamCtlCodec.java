package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * AVSTREAMCTL codec (type 3, 76 bytes, plaintext; GWELL-PROTOCOL.md §10.2).
 *
 * <pre>
 * Off  Size  Field        Meaning
 *   0     1  type         0x03
 *   1     1  sub          0x02 in INITREQ, 0x00 in START
 *   2     2  length       LE16 0x004C
 *   4     4  stream_id    LE32 streamId (non-zero)
 *   8     4  command      LE32 1 INITREQ, 2 ACCEPT, 3 REJECT, 4 STOP, 5 CLOSE, 6 START/STARTED
 *  12     4  reason       LE32
 *  16     4  conn_type    LE32 (INITREQ: 1)
 *  20     4  call_action  LE32 (INITREQ: 1)
 *  24    32  av_key       INITREQ: 02 00 … 00; ACCEPT: "accept key" (unused)
 *  56     6  -            zero
 *  62     2  channel      LE16 channel field (INITREQ: 0)
 *  64    12  -            zero
 * </pre>
 *
 * The decoder ignores the length field and the zero areas. Stateless and thread-safe.
 */
public final class AvStreamCtlCodec {
    /** Length of the message. */
    public static final int LENGTH = 76;

    private AvStreamCtlCodec() {}

    public static byte[] encode(AvStreamCtl m) {
        byte[] b = new byte[LENGTH];
        b[0] = AvMessage.TYPE_AVSTREAMCTL;
        b[1] = (byte) m.sub();
        Le.putInt16(b, 2, LENGTH);
        Le.putInt32(b, 4, m.streamId());
        Le.putInt32(b, 8, m.command());
        Le.putInt32(b, 12, m.reason());
        Le.putInt32(b, 16, m.connectionType());
        Le.putInt32(b, 20, m.callAction());
        System.arraycopy(m.avKey(), 0, b, 24, AvStreamCtl.AV_KEY_LENGTH);
        Le.putInt16(b, 62, m.channelField());
        return b;
    }

    public static AvStreamCtl decode(byte[] buf, int off, int len) throws FrameException {
        if (len < LENGTH) {
            throw new FrameException("avstreamctl: " + len + " bytes, need " + LENGTH);
        }
        if (buf[off] != AvMessage.TYPE_AVSTREAMCTL) {
            throw new FrameException("avstreamctl: type " + (buf[off] & 0xFF));
        }
        byte[] key = new byte[AvStreamCtl.AV_KEY_LENGTH];
        System.arraycopy(buf, off + 24, key, 0, key.length);
        return new AvStreamCtl(
                buf[off + 1] & 0xFF,
                Le.int32(buf, off + 4),
                Le.int32(buf, off + 8),
                Le.int32(buf, off + 12),
                Le.int32(buf, off + 16),
                Le.int32(buf, off + 20),
                key,
                Le.uint16(buf, off + 62));
    }
}
