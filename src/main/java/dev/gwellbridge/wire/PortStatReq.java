package dev.gwellbridge.wire;

/**
 * PortStatReq (0xCA, kind 0): sent by the client to camera candidates and the server while waiting
 * for the camera; a camera may send one to the client too.
 *
 * @param routingId routing id
 * @param targetTid camera TID (or, from a camera, the viewer's id)
 * @param linkId the call's linkId
 */
public record PortStatReq(long routingId, long targetTid, int linkId) implements PortMessage {
    @Override
    public int subtype() {
        return SUB_PORT_STAT_REQ;
    }
}
