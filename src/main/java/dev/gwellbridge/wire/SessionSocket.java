package dev.gwellbridge.wire;

import java.util.List;

/**
 * SessionSocket (0xCA, kind 1): relay activation rounds (sub 1; sub 2 in the third round) and,
 * with sub 3, the 10-second "online" keepalive to the server.
 *
 * @param routingId routing id
 * @param targetTid camera TID
 * @param linkId the call's linkId
 * @param subType 1 = activate, 2 = third activation round, 3 = online keepalive
 * @param relayPorts up to four non-zero relay ports (sub 1 and 2 only)
 */
public record SessionSocket(long routingId, long targetTid, int linkId, int subType, List<Integer> relayPorts)
        implements PortMessage {
    /** Relay activation. */
    public static final int SUB_ACTIVATE = 1;
    /** Sent in the third activation round. */
    public static final int SUB_ACTIVATE_ROUND3 = 2;
    /** The "online" keepalive during streaming. */
    public static final int SUB_ONLINE = 3;
    /** Most ports the frame holds. */
    public static final int MAX_PORTS = 4;

    public SessionSocket {
        relayPorts = List.copyOf(relayPorts);
        if (subType < 0 || subType > 0xFF) {
            throw new IllegalArgumentException("sub type is one byte");
        }
        if (relayPorts.size() > MAX_PORTS || !relayPorts.stream().allMatch(p -> p > 0 && p <= 0xFFFF)) {
            throw new IllegalArgumentException("at most four relay ports, each 1..65535");
        }
    }

    /** A frame with the first four of {@code relayPorts}, as the client writes it. */
    public static SessionSocket of(long routingId, long targetTid, int linkId, int subType, List<Integer> relayPorts) {
        return new SessionSocket(
                routingId, targetTid, linkId, subType, relayPorts.subList(0, Math.min(MAX_PORTS, relayPorts.size())));
    }

    @Override
    public int subtype() {
        return SUB_PORT_STAT_REQ;
    }
}
