package dev.gwellbridge.session;

/** The session's running counts; confined to the session thread. */
final class Counters {
    long h264Bytes;
    long packetsIn;
    long malformed;
    long meterRequests;
    long meterAcks;

    /** The figures with the KCP engines' own counts added. */
    SessionStats snapshot(SessionContext ctx) {
        long duplicates = 0;
        long retransmits = 0;
        long droppedAhead = 0;
        KcpPair kcp = ctx.kcp;
        if (kcp != null) {
            duplicates = kcp.duplicates();
            retransmits = kcp.retransmissions();
            droppedAhead = kcp.droppedAhead();
        }
        return new SessionStats(
                ctx.transport(),
                h264Bytes,
                packetsIn,
                malformed,
                duplicates,
                retransmits,
                droppedAhead,
                meterRequests,
                meterAcks,
                0);
    }
}
