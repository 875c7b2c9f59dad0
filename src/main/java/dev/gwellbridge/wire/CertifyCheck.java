package dev.gwellbridge.wire;

/**
 * What a server learns when it verifies a CertifyReq ({@link CertifyReqCodec#verify}).
 *
 * @param request the decoded request, session key already RC5-64-decrypted
 * @param mode the decryption attempt that verified the checksum ({@code FRAME_KEY}, or {@code
 *     ID_ONLY} for the fallback variant)
 * @param hashOk [28..32) equals giot_hash_string of the session key
 * @param signatureHeaderOk s[0] = 0x01 and s[1] = nonce[0] | 0x01
 * @param tokenHeadOk the AES-CBC-decrypted s[16..64) equals the token head T[0..48)
 * @param sum16Ok s[2..4) equals sum16 of s[4..64) with the plaintext token head
 * @param hmacOk s[64..80) equals the HMAC-MD5 of sqnum, checksum and s[0..64) with the plaintext
 *     head
 */
public record CertifyCheck(
        CertifyReq request,
        GutesMode mode,
        boolean hashOk,
        boolean signatureHeaderOk,
        boolean tokenHeadOk,
        boolean sum16Ok,
        boolean hmacOk) {

    /** True when every check passed. */
    public boolean allOk() {
        return hashOk && signatureHeaderOk && tokenHeadOk && sum16Ok && hmacOk;
    }
}
