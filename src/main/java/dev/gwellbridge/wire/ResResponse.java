package dev.gwellbridge.wire;

import java.util.List;

/**
 * MTP_RES_RESPONSE (0xA3, server → client): the camera's ports and the relays for this call. See
 * {@link ResResponseCodec}.
 *
 * @param route proto and ID words
 * @param sqnum sequence number
 * @param flags flags word; its mode bits choose the encryption (mode 2 in practice)
 * @param outerPort camera outer (public) port
 * @param lanPort camera LAN port
 * @param sessionPort camera session port
 * @param outerIp camera outer IPv4 (logged only)
 * @param relays at most 32 IPv4 relays
 */
public record ResResponse(
        GutesRoute route,
        int sqnum,
        int flags,
        int outerPort,
        int lanPort,
        int sessionPort,
        Ipv4 outerIp,
        List<RelayEntry> relays)
        implements GutesMessage {
    /** Most relays the client reads. */
    public static final int MAX_RELAYS = 32;

    public ResResponse {
        relays = List.copyOf(relays);
        if (relays.size() > MAX_RELAYS) {
            throw new IllegalArgumentException("at most 32 relays");
        }
        for (int port : new int[] {outerPort, lanPort, sessionPort}) {
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** A mode-2 response as a simulator sends it. */
    public static ResResponse of(
            long routingId,
            int sqnum,
            int outerPort,
            int lanPort,
            int sessionPort,
            Ipv4 outerIp,
            List<RelayEntry> relays) {
        return new ResResponse(
                GutesRoute.routing(routingId),
                sqnum,
                GutesFlags.of(GutesMode.SESSION_KEY, 0),
                outerPort,
                lanPort,
                sessionPort,
                outerIp,
                relays);
    }

    @Override
    public int subtype() {
        return SUB_MTP_RES_RESPONSE;
    }
}
