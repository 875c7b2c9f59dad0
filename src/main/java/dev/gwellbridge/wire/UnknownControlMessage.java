package dev.gwellbridge.wire;

/**
 * A session-control message whose meaning is unknown (commands 0x04, 0x06, 0x21, 0x24): receivers
 * only skip it by its length (GWELL-PROTOCOL.md §8.3, §17 item 4).
 *
 * @param command byte 1
 * @param length LE16 length of the whole message, header included (at least 4)
 */
public record UnknownControlMessage(int command, int length) implements SessionControlMessage {

    public UnknownControlMessage {
        if (command < 0 || command > 0xFF) {
            throw new IllegalArgumentException("session control: command out of range: " + command);
        }
        if (length < SessionControlCodec.HEADER || length > 0xFFFF) {
            throw new IllegalArgumentException("session control: length out of range: " + length);
        }
    }
}
