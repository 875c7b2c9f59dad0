package dev.gwellbridge.wire;

/**
 * Create-KCP session message (0x25, 28 bytes, GWELL-PROTOCOL.md §8.3); layout in {@link
 * CreateKcpCodec}.
 *
 * @param linkId the call's linkId
 * @param callerId LE64 caller id (accessId)
 * @param calleeId LE64 callee id (camera TID)
 */
public record CreateKcpMessage(int linkId, long callerId, long calleeId) implements SessionControlMessage {

    @Override
    public int command() {
        return CMD_CREATE_KCP;
    }
}
