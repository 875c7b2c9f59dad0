package dev.gwellbridge.session;

import dev.gwellbridge.camera.ConnectionStats;
import dev.gwellbridge.camera.Transport;

/**
 * Figures of one session.
 *
 * @param transport the current camera path
 * @param h264Bytes H.264 bytes delivered
 * @param packetsIn datagrams and TCP frames received
 * @param malformed received datagrams or frames dropped as malformed, undecryptable or foreign
 * @param cameraRetransmits duplicate KCP segments received: the camera resent them
 * @param kcpRetransmits KCP segments this client had to resend
 * @param droppedAhead KCP segments dropped because they lay beyond the receive window
 * @param meterRequests meter requests received from the camera
 * @param meterAcks meter acks received for this client's own probes
 * @param sendFailures sends the network refused (each is logged)
 */
public record SessionStats(
        Transport transport,
        long h264Bytes,
        long packetsIn,
        long malformed,
        long cameraRetransmits,
        long kcpRetransmits,
        long droppedAhead,
        long meterRequests,
        long meterAcks,
        long sendFailures) {

    /** Nothing happened yet. */
    public static final SessionStats NONE = new SessionStats(Transport.NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures the camera seam knows. */
    public ConnectionStats toConnectionStats() {
        return new ConnectionStats(transport, h264Bytes, packetsIn, cameraRetransmits, malformed);
    }

    /** The same figures with {@code n} more send failures (counted by the driver). */
    public SessionStats withSendFailures(long n) {
        return new SessionStats(
                transport,
                h264Bytes,
                packetsIn,
                malformed,
                cameraRetransmits,
                kcpRetransmits,
                droppedAhead,
                meterRequests,
                meterAcks,
                sendFailures + n);
    }
}
