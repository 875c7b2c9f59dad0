package dev.gwellbridge.sim;

/**
 * What a client did wrong, as the simulated peers see it. Each kind names the rule of
 * GWELL-PROTOCOL.md it breaks.
 */
public enum ViolationKind {
    /** CertifyReq whose checksum fails under every decryption mode (§5.5). */
    CERTIFY_CHECKSUM,
    /** CertifyReq whose session-key hash at [28..32) does not match the RC5-64-decrypted key (§6.1). */
    CERTIFY_KEY,
    /** CertifyReq whose signature fails: header byte, AES token head, sum16 or HMAC (§6.1). */
    CERTIFY_SIGNATURE,
    /** CertifyReq for an accessId the server does not know. */
    CERTIFY_UNKNOWN_ACCOUNT,
    /** CALLING for a device that is not in the account's device list (§6.7). */
    CALLING_UNKNOWN_DEVICE,
    /** INITREQ with streamId 0: a camera accepts and never sends (§10.2 rule 1). */
    STREAM_ID_ZERO,
    /** INITREQ whose av-key field is not {@code 02 00 … 00} (§10.2 rule 2). */
    BAD_AV_KEY,
    /** START on DATA before the camera sent ACCEPT (§11.6). */
    START_BEFORE_ACCEPT,
    /** No viewer AV_INIT after ACCEPT: the camera never starts encoding (§10.2 rule 3). */
    MISSING_AV_INIT,
    /** A DATA type-4 sub-2 message that does not decrypt to zeros under the call's MTP key (§10.3). */
    BAD_AV_INIT,
    /** The camera's KCP send window stayed full without ACK progress (§9.3, §11.7). */
    UNACKED_SEGMENTS,
    /** KCP segments sent to the P2P server's UDP port (§11.5: the server ends such sessions). */
    KCP_TO_SERVER,
    /** KCP segments at an address that is not the camera's for this call (§11.5 single-address rule). */
    WRONG_ADDRESS,
    /** No meter request from the client for more than the allowed gap while streaming (§11.6). */
    METER_GAP,
    /** Heartbeats closer together than the minimum interval while streaming (§11.8). */
    HEARTBEAT_TOO_FREQUENT
}
