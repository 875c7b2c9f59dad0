package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Codec of {@link CertifyResp} (GWELL-PROTOCOL.md §6.2). Encoded frames are 48 bytes (the observed
 * size); any frame of at least 36 bytes decodes.
 *
 * <pre>
 * Off Size Field
 * 0   24   header: proto, 0x0C or 0x0D, length, ID, sqnum, checksum, flags (mode 1 in practice)
 * 24  2    unknown (written as 0)
 * 26  2    LE16 error code: 0 = success, 3 = "kicked", other = failure
 * 28  8    LE64 certify session id
 * 36  12   unknown (written as 0)
 * </pre>
 *
 * <p>The client's acceptance rule is mode-1 specific and lives in {@link #acceptWire}.
 */
public final class CertifyRespCodec implements GutesCodec<CertifyResp> {
    public static final CertifyRespCodec INSTANCE = new CertifyRespCodec();

    /** Shortest frame the client reads. */
    public static final int MIN_LENGTH = 36;
    /** Length of an encoded frame. */
    public static final int LENGTH = 48;

    private CertifyRespCodec() {}

    @Override
    public byte[] encodePlain(CertifyResp m) {
        byte[] f = GutesFrames.newFrame(
                m.route().proto(), m.subtype(), LENGTH, m.route().id(), m.sqnum(), m.flags());
        Le.putInt16(f, 26, m.errorCode());
        Le.putInt64(f, 28, m.certifySessionId());
        return GutesFrames.finish(f);
    }

    @Override
    public CertifyResp decode(byte[] f) throws FrameException {
        if (f.length < MIN_LENGTH) {
            throw new FrameException("certify-resp: " + f.length + " bytes, need at least " + MIN_LENGTH);
        }
        int subtype = f[1] & 0xFF;
        if (subtype != GutesMessage.SUB_CERTIFY_REQ && subtype != GutesMessage.SUB_SESSION_RESP) {
            throw new FrameException("certify-resp: subtype 0x" + Integer.toHexString(subtype));
        }
        GutesFrames.requireProto(f, "certify-resp");
        return new CertifyResp(
                GutesRoute.read(f),
                subtype,
                GutesFrames.sqnum(f),
                GutesFrames.flags(f),
                Le.uint16(f, 26),
                Le.int64(f, 28));
    }

    /**
     * The client's reading of a datagram during certify: mode-1 decryption only; a valid checksum
     * (or flags bit 21) accepts the frame, and so does a failed checksum when the subtype is
     * 0x0C/0x0D, the length ≥ 36, the error code 0 and the session id non-zero. The caller still
     * has to look at {@link CertifyResp#success()}: a non-zero error code is not a login.
     */
    public CertifyResp acceptWire(byte[] wire) throws FrameException {
        if (wire.length < MIN_LENGTH) {
            throw new FrameException("certify-resp: " + wire.length + " bytes, need at least " + MIN_LENGTH);
        }
        byte[] f = wire.clone();
        boolean checksumOk = GutesCipher.decrypt(f, GutesMode.FRAME_KEY, null);
        CertifyResp resp = decode(f);
        if (!checksumOk && !(resp.success() && resp.certifySessionId() != 0)) {
            throw new FrameException("certify-resp: checksum mismatch");
        }
        return resp;
    }
}
