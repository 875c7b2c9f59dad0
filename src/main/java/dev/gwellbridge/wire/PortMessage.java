package dev.gwellbridge.wire;

/**
 * The 0xCA/0xCB family (52 bytes, mode 1): PortStatReq, PortStatResp and SessionSocket. Proto 0x7F
 * but the routing id in the ID words; the sqnum field is always 0. See {@link PortStatCodec}.
 */
public sealed interface PortMessage extends GutesMessage permits PortStatReq, PortStatResp, SessionSocket {
    /** The routing id in [4..12). */
    long routingId();

    /** [28..36): the camera's TID when the client sends; a camera puts the viewer's id here. */
    long targetTid();

    /** The call's linkId. */
    int linkId();
}
