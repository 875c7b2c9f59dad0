package dev.gwellbridge.sim;

/** How the simulated server refuses a CertifyReq that fails verification (GWELL-PROTOCOL.md §6.2). */
public enum CertifyRejection {
    /** A CertifyResp with a non-zero error code (the client treats it as an invalid datagram). */
    ERROR_CODE,
    /** No answer at all. */
    SILENCE
}
