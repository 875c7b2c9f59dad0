package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Create-KCP session codec (GWELL-PROTOCOL.md §8.3).
 *
 * <pre>
 * Off  Size  Field      Meaning
 *   0     4  head       00 25 1C 00 (command 0x25, LE16 length 28)
 *   4     4  link_id    LE32 linkId
 *   8     4  -          zero
 *  12     8  caller     LE64 caller id (accessId)
 *  20     8  callee     LE64 callee id (camera TID)
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class CreateKcpCodec {
    /** Length of the message. */
    public static final int LENGTH = 28;

    private CreateKcpCodec() {}

    public static byte[] encode(CreateKcpMessage m) {
        byte[] b = new byte[LENGTH];
        b[1] = SessionControlMessage.CMD_CREATE_KCP;
        Le.putInt16(b, 2, LENGTH);
        Le.putInt32(b, 4, m.linkId());
        Le.putInt64(b, 12, m.callerId());
        Le.putInt64(b, 20, m.calleeId());
        return b;
    }

    public static CreateKcpMessage decode(byte[] buf, int off, int len) throws FrameException {
        if (len < LENGTH) {
            throw new FrameException("create-kcp: " + len + " bytes, need " + LENGTH);
        }
        if (buf[off] != 0 || (buf[off + 1] & 0xFF) != SessionControlMessage.CMD_CREATE_KCP) {
            throw new FrameException("create-kcp: not a create-KCP message");
        }
        return new CreateKcpMessage(Le.int32(buf, off + 4), Le.int64(buf, off + 12), Le.int64(buf, off + 20));
    }
}
