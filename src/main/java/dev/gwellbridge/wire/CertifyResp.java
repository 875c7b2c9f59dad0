package dev.gwellbridge.wire;

/**
 * CertifyResp (0x0C or 0x0D, server → client). See {@link CertifyRespCodec}.
 *
 * @param route proto and ID words (not read by the client)
 * @param subtype {@code 0x0C} or {@code 0x0D}
 * @param sqnum sequence number (not read by the client)
 * @param flags flags word; its mode bits choose the encryption (mode 1 in practice)
 * @param errorCode 0 = success, 3 = "kicked", anything else = failure
 * @param certifySessionId the certify session id (logged, never used again)
 */
public record CertifyResp(GutesRoute route, int subtype, int sqnum, int flags, int errorCode, long certifySessionId)
        implements GutesMessage {
    /** Error code a server sends when another login displaced this one. */
    public static final int ERROR_KICKED = 3;

    public CertifyResp {
        if (subtype != SUB_CERTIFY_REQ && subtype != SUB_SESSION_RESP) {
            throw new IllegalArgumentException("CertifyResp subtype must be 0x0C or 0x0D");
        }
        if (errorCode < 0 || errorCode > 0xFFFF) {
            throw new IllegalArgumentException("error code is 16 bits");
        }
    }

    /** A mode-1 {@code 0x0C} response as a simulator sends it. */
    public static CertifyResp of(long accessId, int sqnum, int errorCode, long certifySessionId) {
        return new CertifyResp(
                GutesRoute.access(accessId),
                SUB_CERTIFY_REQ,
                sqnum,
                GutesFlags.of(GutesMode.FRAME_KEY, 0),
                errorCode,
                certifySessionId);
    }

    /** True for error code 0. */
    public boolean success() {
        return errorCode == 0;
    }
}
