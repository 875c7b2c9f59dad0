package dev.gwellbridge.wire;

/**
 * CALLING ACK (0xA4, server → client). See {@link CallingAckCodec}.
 *
 * @param route proto and ID words
 * @param sqnum sequence number
 * @param flags flags word; its mode bits choose the encryption (mode 2 in practice)
 * @param peer the camera's address; 0.0.0.0:0 for relay-only cameras (normal, not an error)
 */
public record CallingAck(GutesRoute route, int sqnum, int flags, Ipv4Endpoint peer) implements GutesMessage {

    /** A mode-2 ACK as a simulator sends it. */
    public static CallingAck of(long routingId, int sqnum, Ipv4Endpoint peer) {
        return new CallingAck(GutesRoute.routing(routingId), sqnum, GutesFlags.of(GutesMode.SESSION_KEY, 0), peer);
    }

    @Override
    public int subtype() {
        return SUB_CALLING;
    }
}
