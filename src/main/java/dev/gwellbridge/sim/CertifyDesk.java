package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.CertifyCheck;
import dev.gwellbridge.wire.CertifyReqCodec;
import dev.gwellbridge.wire.CertifyResp;
import dev.gwellbridge.wire.CertifyRespCodec;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesMode;
import java.util.Map;

/**
 * The server's login desk (GWELL-PROTOCOL.md §6.1, §6.2): finds the account by the accessId in the
 * ID words, decrypts the CertifyReq (mode 1, or the ID-step-only fallback), RC5-64-decrypts the
 * session key with the token key and checks its hash and the signature (AES token head, sum16,
 * HMAC). A request that fails is recorded as a violation and refused as configured. Stateless
 * apart from the account table; confined to the loop thread.
 */
final class CertifyDesk {
    /** The outcome: the session key and account on success, and the answer to send (possibly none). */
    static final class Outcome {
        private final Rc5x32 sessionKey;
        private final SimAccount account;
        private final byte[] reply;

        Outcome(Rc5x32 sessionKey, SimAccount account, byte[] reply) {
            this.sessionKey = sessionKey;
            this.account = account;
            this.reply = reply;
        }

        boolean accepted() {
            return sessionKey != null;
        }

        Rc5x32 sessionKey() {
            return sessionKey;
        }

        SimAccount account() {
            return account;
        }

        /** The CertifyResp to send, or null for silence. */
        byte[] reply() {
            return reply;
        }
    }

    /** Where failures are recorded. */
    interface Recorder {
        void violation(ViolationKind kind, String detail);
    }

    private final Map<Long, SimAccount> accounts;
    private final ServerBehaviour behaviour;

    CertifyDesk(Map<Long, SimAccount> accounts, ServerBehaviour behaviour) {
        this.accounts = accounts;
        this.behaviour = behaviour;
    }

    /**
     * Verifies one CertifyReq.
     *
     * @param certifySessionId the id to hand out on success (non-zero)
     */
    Outcome verify(byte[] wire, long certifySessionId, Recorder recorder) {
        long accessId;
        try {
            accessId = CertifyReqCodec.peekAccessId(wire);
        } catch (FrameException e) {
            recorder.violation(ViolationKind.CERTIFY_CHECKSUM, e.getMessage());
            return refuse(0, 0);
        }
        SimAccount account = accounts.get(accessId);
        if (account == null) {
            recorder.violation(ViolationKind.CERTIFY_UNKNOWN_ACCOUNT, "no account with this accessId");
            return refuse(accessId, 0);
        }
        CertifyCheck check;
        try {
            check = account.certify().verify(wire);
        } catch (FrameException e) {
            recorder.violation(ViolationKind.CERTIFY_CHECKSUM, "checksum fails under every mode");
            return refuse(accessId, 0);
        }
        int sqnum = check.request().sqnum();
        if (!check.hashOk()) {
            recorder.violation(ViolationKind.CERTIFY_KEY, "session-key hash does not match the decrypted key");
            return refuse(accessId, sqnum);
        }
        if (!check.allOk()) {
            recorder.violation(ViolationKind.CERTIFY_SIGNATURE, signatureDetail(check));
            return refuse(accessId, sqnum);
        }
        if (check.mode() == GutesMode.ID_ONLY && !behaviour.acceptFallbackCertify()) {
            return refuse(accessId, sqnum);
        }
        byte[] reply = CertifyRespCodec.INSTANCE.encode(CertifyResp.of(accessId, sqnum, 0, certifySessionId), null);
        return new Outcome(Rc5x32.of(check.request().sessionKey().toByteArray()), account, reply);
    }

    private Outcome refuse(long accessId, int sqnum) {
        if (behaviour.certifyRejection() == CertifyRejection.SILENCE) {
            return new Outcome(null, null, null);
        }
        CertifyResp resp = CertifyResp.of(accessId, sqnum, behaviour.rejectionErrorCode(), 0);
        return new Outcome(null, null, CertifyRespCodec.INSTANCE.encode(resp, null));
    }

    private static String signatureDetail(CertifyCheck c) {
        StringBuilder b = new StringBuilder("signature check failed:");
        if (!c.signatureHeaderOk()) {
            b.append(" header");
        }
        if (!c.tokenHeadOk()) {
            b.append(" token-head");
        }
        if (!c.sum16Ok()) {
            b.append(" sum16");
        }
        if (!c.hmacOk()) {
            b.append(" hmac");
        }
        return b.toString();
    }
}
