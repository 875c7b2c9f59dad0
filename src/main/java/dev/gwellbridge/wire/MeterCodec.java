package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Meter request/ack codec (GWELL-PROTOCOL.md §8.3).
 *
 * <pre>
 * Off  Size  Field      Meaning
 *   0     2  head       00 01 request / 00 02 ack
 *   2     2  length     LE16 0x0044 (68)
 *   4     4  link_id    LE32 linkId
 *   8     4  -          zero
 *  12     8  src_id     LE64 source id
 *  20     8  dst_id     LE64 destination id
 *  28     4  round      LE32 round number
 *  32     4  -          zero
 *  36     8  time_ms    LE64 sender's wall-clock time in ms
 *  44    24  -          zero
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class MeterCodec {
    /** Length of a meter message. */
    public static final int LENGTH = 68;

    /** Bytes a decoder needs: everything up to and including the time field. */
    static final int MIN_DECODE = 44;

    private MeterCodec() {}

    public static byte[] encode(MeterMessage m) {
        byte[] b = new byte[LENGTH];
        b[1] = (byte) m.command();
        Le.putInt16(b, 2, LENGTH);
        Le.putInt32(b, 4, m.linkId());
        Le.putInt64(b, 12, m.sourceId());
        Le.putInt64(b, 20, m.destinationId());
        Le.putInt32(b, 28, m.round());
        Le.putInt64(b, 36, m.timeMs());
        return b;
    }

    /**
     * Decodes a meter request or ack. The length field and the zero areas are not checked; the
     * message must reach at least to the end of the time field.
     */
    public static MeterMessage decode(byte[] buf, int off, int len) throws FrameException {
        if (len < MIN_DECODE) {
            throw new FrameException("meter: " + len + " bytes, need " + MIN_DECODE);
        }
        int cmd = buf[off + 1] & 0xFF;
        if (buf[off] != 0
                || (cmd != SessionControlMessage.CMD_METER_REQUEST && cmd != SessionControlMessage.CMD_METER_ACK)) {
            throw new FrameException("meter: not a meter message");
        }
        return new MeterMessage(
                cmd == SessionControlMessage.CMD_METER_ACK,
                Le.int32(buf, off + 4),
                Le.int64(buf, off + 12),
                Le.int64(buf, off + 20),
                Le.int32(buf, off + 28),
                Le.int64(buf, off + 36));
    }

    /**
     * Builds the ack for a received request the way the reference does: the first 68 bytes of the
     * request (zero-padded when shorter), byte 1 set to 0x02, {@code [12..20)} and {@code [20..28)}
     * swapped. Everything else, time included, is echoed unchanged.
     */
    public static byte[] ackFor(byte[] request, int off, int len) {
        byte[] b = new byte[LENGTH];
        System.arraycopy(request, off, b, 0, Math.min(Math.max(len, 0), LENGTH));
        b[1] = SessionControlMessage.CMD_METER_ACK;
        for (int i = 12; i < 20; i++) {
            byte t = b[i];
            b[i] = b[i + 8];
            b[i + 8] = t;
        }
        return b;
    }
}
