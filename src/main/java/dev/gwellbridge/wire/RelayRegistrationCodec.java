package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Relay registration frame codec (GWELL-PROTOCOL.md §8.3): a standard MTP header with flags 0x80
 * (urgent, no "control" bit) around a 68-byte message shaped like a meter request of round 0, but
 * with the time four bytes earlier than in a meter request.
 *
 * <pre>
 * Off  Size  Field      Meaning
 *   0     6  mtp        c0 80 02 09 &lt;check&gt; (standard header, flags 0x80, total 74)
 *   6     4  head       00 01 44 00
 *  10     4  link_id    LE32 linkId
 *  14     4  -          zero
 *  18     8  src_id     LE64 accessId
 *  26     8  dst_id     LE64 camera TID
 *  34     4  round      LE32 0
 *  38     8  time_ms    LE64 wall-clock ms (payload offset 32)
 *  46    28  -          zero
 * </pre>
 *
 * A receiver tells it from a camera's meter request by flags 0x80, length 74 and round 0.
 * Stateless and thread-safe.
 */
public final class RelayRegistrationCodec {
    /** Total frame length. */
    public static final int LENGTH = MtpFrame.STANDARD_HEADER + MeterCodec.LENGTH;

    private static final int FLAGS = MtpFrame.FLAG_URGENT;
    private static final int P = MtpFrame.STANDARD_HEADER;

    private RelayRegistrationCodec() {}

    public static byte[] encode(RelayRegistration r) {
        byte[] payload = new byte[MeterCodec.LENGTH];
        payload[1] = SessionControlMessage.CMD_METER_REQUEST;
        Le.putInt16(payload, 2, MeterCodec.LENGTH);
        Le.putInt32(payload, 4, r.linkId());
        Le.putInt64(payload, 12, r.accessId());
        Le.putInt64(payload, 20, r.cameraTid());
        Le.putInt64(payload, 32, r.timeMs());
        byte[] out = new byte[LENGTH];
        MtpFrameCodec.encode(FLAGS, 0, payload, 0, payload.length, out, 0);
        return out;
    }

    /** Whether {@code buf[off..off+len)} is a relay registration frame. */
    public static boolean matches(byte[] buf, int off, int len) {
        return len == LENGTH
                && (buf[off] & 0xFF) == MtpFrame.MAGIC
                && (buf[off + 1] & 0xFF) == FLAGS
                && MtpFrameCodec.lengthField(buf, off) == LENGTH
                && buf[off + P] == 0
                && buf[off + P + 1] == SessionControlMessage.CMD_METER_REQUEST
                && Le.int32(buf, off + P + 28) == 0;
    }

    public static RelayRegistration decode(byte[] buf, int off, int len) throws FrameException {
        if (!matches(buf, off, len)) {
            throw new FrameException("relay registration: not a 74-byte round-0 frame with flags 0x80");
        }
        return new RelayRegistration(
                Le.int32(buf, off + P + 4),
                Le.int64(buf, off + P + 12),
                Le.int64(buf, off + P + 20),
                Le.int64(buf, off + P + 32));
    }
}
