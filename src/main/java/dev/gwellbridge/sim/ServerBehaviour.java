package dev.gwellbridge.sim;

/**
 * How the simulated P2P server behaves, including the quirks reported for several sessions of one
 * account (GWELL-PROTOCOL.md §11.9, §13.1).
 *
 * @param certifyRejection how a CertifyReq that fails verification is refused
 * @param rejectionErrorCode the error code of {@link CertifyRejection#ERROR_CODE} (3 = "kicked")
 * @param acceptFallbackCertify whether the fallback CertifyReq (ID step only, §6.1) is accepted
 * @param deviceListCaching quirk (a): skip 0xA7 for every session of an account after the first
 *     one that got it
 * @param detectIgnoreWindowMs quirk (b): DetectReq2 probes go unanswered for this long after any
 *     CertifyReq (0 = always answered, {@code Long.MAX_VALUE} = never)
 * @param strayIntervalMs quirk (c): if positive, every certified client gets a frame of "another
 *     session" (0xAA push, or garbage with flags bit 21) this often and right after init-info
 * @param kcpTeardownMs a client that sends KCP to the server's UDP port loses its session after this
 *     long (reported: about 3 min); 0 = the violation is only recorded
 * @param heartbeatMinIntervalMs heartbeats closer together than this while streaming are recorded
 * @param advertiseRelay whether MTP_RES_RESPONSE lists the server's own port as a TCP relay
 */
public record ServerBehaviour(
        CertifyRejection certifyRejection,
        int rejectionErrorCode,
        boolean acceptFallbackCertify,
        boolean deviceListCaching,
        long detectIgnoreWindowMs,
        long strayIntervalMs,
        long kcpTeardownMs,
        long heartbeatMinIntervalMs,
        boolean advertiseRelay) {
    /** A well-behaved server. */
    public static final ServerBehaviour DEFAULT =
            new ServerBehaviour(CertifyRejection.ERROR_CODE, 1, true, false, 0, 0, 180_000, 30_000, true);

    public ServerBehaviour {
        if (rejectionErrorCode < 1 || rejectionErrorCode > 0xFFFF) {
            throw new IllegalArgumentException("rejection error code must be 1..65535");
        }
        if (detectIgnoreWindowMs < 0 || strayIntervalMs < 0 || kcpTeardownMs < 0 || heartbeatMinIntervalMs < 0) {
            throw new IllegalArgumentException("server timers cannot be negative");
        }
    }

    public ServerBehaviour withCertifyRejection(CertifyRejection rejection, int errorCode) {
        return new ServerBehaviour(
                rejection,
                errorCode,
                acceptFallbackCertify,
                deviceListCaching,
                detectIgnoreWindowMs,
                strayIntervalMs,
                kcpTeardownMs,
                heartbeatMinIntervalMs,
                advertiseRelay);
    }

    public ServerBehaviour withDeviceListCaching(boolean caching) {
        return new ServerBehaviour(
                certifyRejection,
                rejectionErrorCode,
                acceptFallbackCertify,
                caching,
                detectIgnoreWindowMs,
                strayIntervalMs,
                kcpTeardownMs,
                heartbeatMinIntervalMs,
                advertiseRelay);
    }

    public ServerBehaviour withDetectIgnoreWindowMs(long ms) {
        return new ServerBehaviour(
                certifyRejection,
                rejectionErrorCode,
                acceptFallbackCertify,
                deviceListCaching,
                ms,
                strayIntervalMs,
                kcpTeardownMs,
                heartbeatMinIntervalMs,
                advertiseRelay);
    }

    public ServerBehaviour withStrayIntervalMs(long ms) {
        return new ServerBehaviour(
                certifyRejection,
                rejectionErrorCode,
                acceptFallbackCertify,
                deviceListCaching,
                detectIgnoreWindowMs,
                ms,
                kcpTeardownMs,
                heartbeatMinIntervalMs,
                advertiseRelay);
    }

    public ServerBehaviour withKcpTeardownMs(long ms) {
        return new ServerBehaviour(
                certifyRejection,
                rejectionErrorCode,
                acceptFallbackCertify,
                deviceListCaching,
                detectIgnoreWindowMs,
                strayIntervalMs,
                ms,
                heartbeatMinIntervalMs,
                advertiseRelay);
    }

    public ServerBehaviour withAdvertiseRelay(boolean advertise) {
        return new ServerBehaviour(
                certifyRejection,
                rejectionErrorCode,
                acceptFallbackCertify,
                deviceListCaching,
                detectIgnoreWindowMs,
                strayIntervalMs,
                kcpTeardownMs,
                heartbeatMinIntervalMs,
                advertise);
    }
}
