package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Dispatching codec for MTP session-control messages (GWELL-PROTOCOL.md §8.3).
 *
 * <pre>
 * Off  Size  Field    Meaning
 *   0     1  zero     0x00
 *   1     1  command  0x01 meter request, 0x02 meter ack, 0x25 create KCP; 0x04 0x06 0x21 0x24 unknown
 *   2     2  length   LE16 length of the whole message, header included
 *   4     …  body     per command ({@link MeterCodec}, {@link CreateKcpCodec}); unknown bodies skipped
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class SessionControlCodec {
    /** Length of the common header. */
    public static final int HEADER = 4;

    private SessionControlCodec() {}

    public static byte[] encode(SessionControlMessage m) {
        if (m instanceof MeterMessage meter) {
            return MeterCodec.encode(meter);
        }
        if (m instanceof CreateKcpMessage create) {
            return CreateKcpCodec.encode(create);
        }
        UnknownControlMessage unknown = (UnknownControlMessage) m;
        byte[] b = new byte[unknown.length()];
        b[1] = (byte) unknown.command();
        Le.putInt16(b, 2, unknown.length());
        return b;
    }

    /** Decodes the session-control message at the start of {@code buf[off..off+len)}. */
    public static SessionControlMessage decode(byte[] buf, int off, int len) throws FrameException {
        if (len < HEADER) {
            throw new FrameException("session control: " + len + " bytes, need " + HEADER);
        }
        int cmd = buf[off + 1] & 0xFF;
        if (buf[off] != 0 || !SessionControlMessage.isControlCommand(cmd)) {
            throw new FrameException("session control: unknown head " + (buf[off] & 0xFF) + "/" + cmd);
        }
        return switch (cmd) {
            case SessionControlMessage.CMD_METER_REQUEST, SessionControlMessage.CMD_METER_ACK ->
                MeterCodec.decode(buf, off, len);
            case SessionControlMessage.CMD_CREATE_KCP -> CreateKcpCodec.decode(buf, off, len);
            default -> {
                int length = Le.uint16(buf, off + 2);
                if (length < HEADER || length > len) {
                    throw new FrameException("session control: length field " + length + " with " + len + " bytes");
                }
                yield new UnknownControlMessage(cmd, length);
            }
        };
    }
}
