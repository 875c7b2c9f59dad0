package dev.gwellbridge.wire;

/**
 * PASSTHROUGH control (76 bytes). The client sends command 1 once, just before creating its KCP
 * pair; other command values are unknown.
 *
 * @param routingId routing id
 * @param sqnum sequence number
 * @param cameraTid camera TID
 * @param accessId viewer's accessId
 * @param command command byte (0..255)
 * @param linkId the call's linkId
 */
public record PassthroughControl(long routingId, int sqnum, long cameraTid, long accessId, int command, int linkId)
        implements Passthrough {
    /** The one command the client sends. */
    public static final int COMMAND_OPEN = 1;

    public PassthroughControl {
        if (command < 0 || command > 0xFF) {
            throw new IllegalArgumentException("command is one byte");
        }
    }
}
