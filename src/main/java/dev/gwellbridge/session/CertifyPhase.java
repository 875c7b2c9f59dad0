package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.CertifyReq;
import dev.gwellbridge.wire.CertifyReqCodec;
import dev.gwellbridge.wire.CertifyResp;
import dev.gwellbridge.wire.CertifyRespCodec;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.Octets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 2, certify (GWELL-PROTOCOL.md §6.1, §6.2, §11.2). Sends a CertifyReq (sqnum 1) and reads
 * the server's answers, up to three reads of 5 s:
 *
 * <ul>
 *   <li>an accepted CertifyResp with error 0 ends the phase at once;
 *   <li>any other datagram from the server (a non-zero error code included) uses up one read and
 *       triggers nothing else;
 *   <li>a timeout of the first read sends the fallback variant (new sqnum, key and nonce, sealed
 *       with the ID step only) and keeps reading; a timeout of a later read, or a third unusable
 *       datagram, ends the session.
 * </ul>
 *
 * <p>The failure is {@code auth} when the server answered (a rejection or garbage) or was reached
 * by the discovery probe, else {@code server_unreachable}.
 */
final class CertifyPhase extends Phase {
    private static final Logger LOG = LoggerFactory.getLogger(CertifyPhase.class);

    private final CertifyReqCodec codec;
    /** Session key of each request sent, by sqnum: the answer echoes the sqnum it answers. */
    private final Map<Integer, byte[]> keys = new LinkedHashMap<>();

    private byte[] latestKey;
    private int reads;
    private long readDeadline = Long.MAX_VALUE;
    private int lastError = -1;
    private boolean answered;

    CertifyPhase(SessionContext ctx) {
        super(ctx);
        this.codec = CertifyReqCodec.forCredentials(ctx.credentials);
    }

    @Override
    SessionPhase id() {
        return SessionPhase.CERTIFY;
    }

    @Override
    void enter() {
        ctx.send(ctx.server, codec.encode(request(), null));
        readDeadline = ctx.now + Timeouts.CERTIFY_READ;
    }

    private CertifyReq request() {
        int sqnum = ctx.nextSqnum();
        int flags = ctx.entropy.flagBits();
        byte[] key = ctx.entropy.sessionKey();
        byte[] nonce = ctx.entropy.nonce();
        keys.put(sqnum, key);
        latestKey = key;
        return new CertifyReq(ctx.accessId, sqnum, flags, Octets.of(key), Octets.of(nonce), ctx.now);
    }

    @Override
    void onServerDatagram(byte[] d) {
        ctx.serverConfirmed = true;
        answered = true;
        reads++;
        try {
            CertifyResp resp = CertifyRespCodec.INSTANCE.acceptWire(d);
            if (resp.success()) {
                byte[] key = keys.getOrDefault(resp.sqnum(), latestKey);
                ctx.sessionKey = Rc5x32.of(key);
                LOG.debug("Camera {}: certified", ctx.label);
                readDeadline = Long.MAX_VALUE;
                complete();
                return;
            }
            lastError = resp.errorCode();
            LOG.debug("Camera {}: CertifyResp with error {}", ctx.label, lastError);
        } catch (FrameException e) {
            ctx.malformed(e.getMessage(), d);
        }
        if (reads >= Timeouts.CERTIFY_MAX_READS) {
            failed();
        } else {
            readDeadline = ctx.now + Timeouts.CERTIFY_READ;
        }
    }

    @Override
    void onTick() {
        if (isComplete() || ctx.now < readDeadline) {
            return;
        }
        reads++;
        if (reads == 1) {
            LOG.debug("Camera {}: no CertifyResp in 5 s; sending the fallback variant", ctx.label);
            ctx.send(ctx.server, codec.encodeFallback(request()));
            readDeadline = ctx.now + Timeouts.CERTIFY_READ;
        } else {
            failed();
        }
    }

    private void failed() {
        readDeadline = Long.MAX_VALUE;
        if (lastError > 0) {
            ctx.fail(FailureReason.AUTH, "the P2P server rejected the login (error " + lastError + ")");
        } else if (answered || ctx.serverConfirmed) {
            ctx.fail(
                    FailureReason.AUTH,
                    "the P2P server did not accept the login: no CertifyResp after " + reads + " reads");
        } else {
            ctx.fail(
                    FailureReason.SERVER_UNREACHABLE,
                    "no CertifyResp from " + ctx.server + " after " + reads + " reads");
        }
    }

    @Override
    long nextWakeup() {
        return readDeadline;
    }
}
