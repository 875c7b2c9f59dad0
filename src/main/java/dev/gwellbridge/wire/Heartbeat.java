package dev.gwellbridge.wire;

/**
 * Heartbeat (0xA0, client → server, 44 bytes), every 40 s. See {@link HeartbeatCodec}.
 *
 * @param accessId the viewer's accessId (always, proto 0x7F)
 * @param sqnum the sequence number
 */
public record Heartbeat(long accessId, int sqnum) implements GutesMessage {
    @Override
    public int subtype() {
        return SUB_HEARTBEAT;
    }
}
