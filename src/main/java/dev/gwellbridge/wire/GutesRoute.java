package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * The proto byte and the 64-bit ID in [4..12) of a GUTES frame (GWELL-PROTOCOL.md §5.6): {@code
 * 0x7F} with the accessId before a routing id is known, {@code 0x7E} with the routing id after.
 *
 * @param routed true for proto {@code 0x7E} (routing id), false for {@code 0x7F}
 * @param id the 64-bit ID written little-endian into [4..12)
 */
public record GutesRoute(boolean routed, long id) {
    /** Proto {@code 0x7E}: the ID words hold a routing id. */
    public static final int PROTO_ROUTED = 0x7E;
    /** Proto {@code 0x7F}: the ID words hold the accessId (or, in the 0xCA family, a routing id). */
    public static final int PROTO_ACCESS = 0x7F;

    /** {@code 0x7F} + accessId. */
    public static GutesRoute access(long accessId) {
        return new GutesRoute(false, accessId);
    }

    /** {@code 0x7E} + routing id. */
    public static GutesRoute routing(long routingId) {
        return new GutesRoute(true, routingId);
    }

    /** The routing id when it is known (non-zero), otherwise the accessId: the client's fallback. */
    public static GutesRoute preferRouting(long routingId, long accessId) {
        return routingId != 0 ? routing(routingId) : access(accessId);
    }

    /** The proto byte. */
    public int proto() {
        return routed ? PROTO_ROUTED : PROTO_ACCESS;
    }

    /** Reads the route of a frame; the caller has checked that the proto is 0x7E or 0x7F. */
    static GutesRoute read(byte[] frame) {
        return new GutesRoute((frame[0] & 0xFF) == PROTO_ROUTED, Le.int64(frame, 4));
    }

    @Override
    public String toString() {
        // The accessId is half of a credential: keep it out of logs.
        return routed ? "routing:" + Long.toHexString(id) : "access";
    }
}
