package dev.gwellbridge.wire;

/**
 * PortStatResp (0xCB): the client's answer to every PortStatReq from a non-server address, same
 * layout as the request.
 *
 * @param routingId routing id
 * @param targetTid camera TID
 * @param linkId the call's linkId
 */
public record PortStatResp(long routingId, long targetTid, int linkId) implements PortMessage {
    @Override
    public int subtype() {
        return SUB_PORT_STAT_RESP;
    }
}
