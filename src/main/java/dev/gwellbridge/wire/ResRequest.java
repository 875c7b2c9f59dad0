package dev.gwellbridge.wire;

/**
 * MTP_RES_REQUEST (0xA2, client → server, 122 bytes), sent once after the CALLING responses. Its
 * sqnum field is always 0. See {@link ResRequestCodec}.
 *
 * @param routingId routing id (proto 0x7E)
 * @param linkId the call's linkId
 * @param accessId the viewer's accessId
 * @param cameraTid the camera's TID
 */
public record ResRequest(long routingId, int linkId, long accessId, long cameraTid) implements GutesMessage {
    @Override
    public int subtype() {
        return SUB_MTP_RES_REQUEST;
    }
}
