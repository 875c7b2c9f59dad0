package dev.gwellbridge.sim;

/**
 * Traffic counters of a running simulator, for benchmarks and diagnostics.
 *
 * @param datagramsOffered datagrams that entered an impaired UDP link (both directions, all peers)
 * @param datagramsLost datagrams the impairment lost (loss and blackouts)
 * @param datagramsDuplicated datagrams the impairment delivered twice
 * @param serverUndecodable datagrams at the server that did not decode (other keys, garbage) and
 *     were dropped
 * @param relayConnectionsRefused TCP connections closed because their first frame was not a relay
 *     registration for a known camera
 * @param sendFailures datagrams the operating system refused to send
 */
public record SimCounters(
        long datagramsOffered,
        long datagramsLost,
        long datagramsDuplicated,
        long serverUndecodable,
        long relayConnectionsRefused,
        long sendFailures) {}
