package dev.gwellbridge.camera;

/**
 * Protocol-level figures of one session.
 *
 * @param h264Bytes H.264 bytes delivered
 * @param packetsIn datagrams (or TCP frames) received
 * @param retransmits KCP segments the camera had to resend, as far as the client can tell
 * @param malformed datagrams counted and dropped as malformed or undecryptable
 */
public record ConnectionStats(Transport transport, long h264Bytes, long packetsIn, long retransmits, long malformed) {

    public static final ConnectionStats NONE = new ConnectionStats(Transport.NONE, 0, 0, 0, 0);
}
