package dev.gwellbridge.wire;

/**
 * CALLING (0xA4, client → server, 128 bytes): asks the server to set up a call to the camera. See
 * {@link CallingCodec}.
 *
 * @param route 0x7E + routing id (0x7F + accessId before one is known)
 * @param sqnum the sequence number
 * @param lanCall option bit 1 ("LAN call"); the reference session leaves it clear
 * @param linkId random non-zero id of this call
 * @param accessId the viewer's accessId (caller)
 * @param cameraTid the camera's TID (callee)
 * @param viewerPort the local UDP port of the server socket, or 0 when no camera LAN IP is
 *     configured
 * @param viewerIp the viewer's LAN IPv4, or 0.0.0.0 when no camera LAN IP is configured
 * @param mtpKey the 8-byte MTP key for the AV layer
 */
public record Calling(
        GutesRoute route,
        int sqnum,
        boolean lanCall,
        int linkId,
        long accessId,
        long cameraTid,
        int viewerPort,
        Ipv4 viewerIp,
        Octets mtpKey)
        implements GutesMessage {
    /** Length of the MTP key. */
    public static final int MTP_KEY_LENGTH = 8;

    public Calling {
        if (viewerPort < 0 || viewerPort > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + viewerPort);
        }
        if (mtpKey.length() != MTP_KEY_LENGTH) {
            throw new IllegalArgumentException("MTP key must be 8 bytes");
        }
    }

    @Override
    public int subtype() {
        return SUB_CALLING;
    }
}
