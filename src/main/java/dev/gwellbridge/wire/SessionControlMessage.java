package dev.gwellbridge.wire;

/**
 * An MTP session-control message (GWELL-PROTOCOL.md §8.3): the optional prefix of an MTP payload
 * that starts with {@code 00 <cmd> <LE16 length>}.
 */
public sealed interface SessionControlMessage permits MeterMessage, CreateKcpMessage, UnknownControlMessage {
    /** Meter request ("probe"). */
    int CMD_METER_REQUEST = 0x01;
    /** Meter ack: the request echoed with the ids swapped. */
    int CMD_METER_ACK = 0x02;
    /** Create KCP session. */
    int CMD_CREATE_KCP = 0x25;

    /** Byte 1 of the message. */
    int command();

    /** Whether a receiver treats a payload starting with {@code 00 cmd} as a session-control message. */
    static boolean isControlCommand(int cmd) {
        return switch (cmd) {
            case 0x01, 0x02, 0x04, 0x06, 0x21, 0x24, 0x25 -> true;
            default -> false;
        };
    }
}
