package dev.gwellbridge.wire;

/**
 * InitInfoMsg (0xA6, client → server, 62 bytes): asks for the device list and a routing id. See
 * {@link InitInfoMsgCodec}.
 *
 * @param accessId the viewer's accessId (always, even once a routing id is known)
 * @param sqnum the sequence number
 */
public record InitInfoMsg(long accessId, int sqnum) implements GutesMessage {
    @Override
    public int subtype() {
        return SUB_INIT_INFO_MSG;
    }
}
