package dev.gwellbridge.kcp;

/**
 * Diagnostics of one engine since it was created.
 *
 * @param segmentsReceived segments parsed by input, all commands
 * @param segmentsSent data segments transmitted, first sends and retransmissions
 * @param acksSent ACK segments sent by flush
 * @param messagesSent messages accepted by send
 * @param messagesReceived messages returned by recv
 * @param retransmissions timeout retransmissions
 * @param fastRetransmissions retransmissions triggered by duplicate ACKs
 * @param droppedAhead PUSH segments beyond {@code rcv_nxt + rcv_wnd}, dropped without an ACK
 * @param duplicates PUSH segments already delivered or already buffered
 * @param convMismatches input calls refused because a segment's conv differs (rc -1)
 * @param malformedInputs input calls refused as too short, truncated or with an unknown cmd
 * @param deadLinkTransmissions transmissions of a segment sent at least {@code dead_link} times
 * @param windowProbesSent WASK segments sent
 * @param windowAnswersSent WINS segments sent
 * @param outputCalls buffers handed to the output callback
 */
public record KcpCounters(
        long segmentsReceived,
        long segmentsSent,
        long acksSent,
        long messagesSent,
        long messagesReceived,
        long retransmissions,
        long fastRetransmissions,
        long droppedAhead,
        long duplicates,
        long convMismatches,
        long malformedInputs,
        long deadLinkTransmissions,
        long windowProbesSent,
        long windowAnswersSent,
        long outputCalls) {}
