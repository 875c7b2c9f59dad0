package dev.gwellbridge.wire;

/**
 * The routing-id frame (0x0D, server → client) sent in answer to InitInfoMsg. See {@link
 * RoutingIdCodec}.
 *
 * @param route proto and ID words (not read by the client)
 * @param sqnum sequence number (not read by the client)
 * @param flags flags word; its mode bits choose the encryption (mode 2 in practice)
 * @param routingId the per-connection id to put in the ID words of later frames
 */
public record RoutingId(GutesRoute route, int sqnum, int flags, long routingId) implements GutesMessage {

    /** A mode-2 frame as a simulator sends it, addressed with the routing id itself. */
    public static RoutingId of(long routingId, int sqnum) {
        return new RoutingId(GutesRoute.routing(routingId), sqnum, GutesFlags.of(GutesMode.SESSION_KEY, 0), routingId);
    }

    @Override
    public int subtype() {
        return SUB_SESSION_RESP;
    }
}
