package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.GiotHash;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.crypto.SignaturePrimitives;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Codec of {@link CertifyReq} (GWELL-PROTOCOL.md §6.1), bound to the credentials whose token key
 * encrypts the session key and signs the frame.
 *
 * <pre>
 * Off Size Field
 * 0   4    7F 0C A4 00
 * 4   8    accessId (LE64)
 * 12  4    sqnum
 * 16  4    checksum
 * 20  4    flags 0x014D0000 | r&lt;&lt;1: mode 1, send type 3, signature, time trailer, random bits
 * 24  4    LE32 1 (option bits; bit 0 = version field present)
 * 28  4    LE32 giot_hash_string(session key)
 * 32  32   RC5-64/6-ECB(token key, session key), two 16-byte blocks
 * 64  4    LE32 1032 (0x408, "version/MTU"): checksummed, sent plaintext
 * 68  8    time trailer: LE64 time (Unix ms in the reference)
 * 76  8    time trailer: zero
 * 84  80   signature s:
 *            s+0  1  0x01
 *            s+1  1  nonce[0] | 0x01
 *            s+2  2  LE16 sum16 of s[4..64) with the plaintext token head in s[16..64)
 *            s+4  12 nonce
 *            s+16 48 AES-128-CBC(derive(nonce), IV "iotVideo"+0*8) of the token head T[0..48)
 *            s+64 16 HMAC-MD5(token key, LE32 sqnum || plaintext checksum || s[0..64) with plain head)
 * </pre>
 *
 * <p>L = 164 − 24 − 80 − 16 = 44, so mode 1 encrypts the five blocks at 24..64. Build order:
 * checksum, then signature (it covers the checksum), then encryption.
 */
public final class CertifyReqCodec implements GutesCodec<CertifyReq> {
    /** Frame length. */
    public static final int LENGTH = 164;
    /** Value of [24..28). */
    public static final int OPTION_BITS = 1;
    /** Value of [64..68). */
    public static final int VERSION = 1032;

    private static final int SIG = 84;
    private static final int SIG_LENGTH = 80;
    private static final int HEAD = SIG + 16;

    private final AccessCredentials credentials;

    private CertifyReqCodec(AccessCredentials credentials) {
        this.credentials = credentials;
    }

    /** A codec that signs with, and decrypts the session key by, {@code credentials}. */
    public static CertifyReqCodec forCredentials(AccessCredentials credentials) {
        return new CertifyReqCodec(credentials);
    }

    @Override
    public byte[] encodePlain(CertifyReq m) {
        if (m.accessId() != credentials.accessId()) {
            throw new IllegalArgumentException("request and credentials have different accessIds");
        }
        byte[] f =
                GutesFrames.newFrame(GutesRoute.PROTO_ACCESS, m.subtype(), LENGTH, m.accessId(), m.sqnum(), m.flags());
        byte[] sessionKey = m.sessionKey().toByteArray();
        Le.putInt32(f, 24, OPTION_BITS);
        Le.putInt32(f, 28, GiotHash.hash(sessionKey));
        credentials.tokenCipher().encrypt(sessionKey, 0, sessionKey.length);
        System.arraycopy(sessionKey, 0, f, 32, sessionKey.length);
        Le.putInt32(f, 64, VERSION);
        Le.putInt64(f, 68, m.timeMillis());
        GutesChecksum.store(f);

        byte[] nonce = m.nonce().toByteArray();
        byte[] head = credentials.tokenHead();
        f[SIG] = 0x01;
        f[SIG + 1] = (byte) (nonce[0] | 0x01);
        System.arraycopy(nonce, 0, f, SIG + 4, nonce.length);
        System.arraycopy(head, 0, f, HEAD, head.length);
        Le.putInt16(f, SIG + 2, SignaturePrimitives.sum16(f, SIG + 4, 60));
        byte[] mac = SignaturePrimitives.hmacMd5(credentials.tokenKey(), hmacMessage(f));
        byte[] encryptedHead = SignaturePrimitives.aesCbcEncrypt(SignaturePrimitives.deriveAesKey(nonce), head);
        System.arraycopy(encryptedHead, 0, f, HEAD, encryptedHead.length);
        System.arraycopy(mac, 0, f, SIG + 64, mac.length);
        return f;
    }

    /**
     * The fallback variant (§6.1): built identically but sealed with the ID step only, although
     * its flags still announce mode 1.
     */
    public byte[] encodeFallback(CertifyReq m) {
        byte[] f = encodePlain(m);
        GutesCipher.encryptId(f);
        return f;
    }

    /** Mode 1 needs no session key; the parameter is ignored. */
    @Override
    public byte[] encode(CertifyReq m, Rc5x32 sessionKey) {
        return GutesCipher.seal(encodePlain(m), null);
    }

    @Override
    public CertifyReq decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_CERTIFY_REQ, LENGTH, "certify-req");
        byte[] sessionKey = Arrays.copyOfRange(f, 32, 64);
        credentials.tokenCipher().decrypt(sessionKey, 0, sessionKey.length);
        return new CertifyReq(
                GutesFrames.id(f),
                GutesFrames.sqnum(f),
                GutesFrames.flags(f) & GutesFlags.RANDOM_MASK,
                Octets.of(sessionKey),
                Octets.of(f, SIG + 4, SignaturePrimitives.NONCE_LENGTH),
                Le.int64(f, 68));
    }

    /**
     * The accessId of a received CertifyReq, read before any key is known: the ID step uses only the
     * password key, so a server can find the account (and its token key) first and verify after.
     *
     * @throws FrameException when the datagram is not a CertifyReq of the right length
     */
    public static long peekAccessId(byte[] wire) throws FrameException {
        if (wire.length != LENGTH) {
            throw new FrameException("certify-req: " + wire.length + " bytes, need " + LENGTH);
        }
        if ((wire[1] & 0xFF) != GutesMessage.SUB_CERTIFY_REQ || (wire[0] & 0xFF) != GutesRoute.PROTO_ACCESS) {
            throw new FrameException("certify-req: not a 7F 0C frame");
        }
        byte[] header = Arrays.copyOf(wire, GutesHeader.SIZE);
        GutesCipher.decryptId(header);
        return GutesFrames.id(header);
    }

    /**
     * Decrypts a received CertifyReq (either variant) and checks its hash and signature, as a
     * server does (§6.2).
     */
    public CertifyCheck verify(byte[] wire) throws FrameException {
        DecryptedFrame d = GutesCipher.robustDecrypt(wire, null);
        byte[] f = d.frame();
        CertifyReq request = decode(f);
        byte[] sessionKey = request.sessionKey().toByteArray();
        boolean hashOk = Le.int32(f, 28) == GiotHash.hash(sessionKey);
        byte[] nonce = request.nonce().toByteArray();
        boolean headerOk = f[SIG] == 0x01 && f[SIG + 1] == (byte) (nonce[0] | 0x01);

        byte[] plain = f.clone();
        byte[] head = SignaturePrimitives.aesCbcDecrypt(
                SignaturePrimitives.deriveAesKey(nonce), Arrays.copyOfRange(f, HEAD, SIG + 64));
        System.arraycopy(head, 0, plain, HEAD, head.length);
        boolean headOk = MessageDigest.isEqual(head, credentials.tokenHead());
        boolean sumOk = Le.uint16(plain, SIG + 2) == SignaturePrimitives.sum16(plain, SIG + 4, 60);
        byte[] mac = SignaturePrimitives.hmacMd5(credentials.tokenKey(), hmacMessage(plain));
        boolean macOk = MessageDigest.isEqual(mac, Arrays.copyOfRange(f, SIG + 64, SIG + SIG_LENGTH));
        return new CertifyCheck(request, d.mode(), hashOk, headerOk, headOk, sumOk, macOk);
    }

    /** LE32 sqnum || frame[16..20) || s[0..64), taken from a frame holding the plaintext head. */
    private static byte[] hmacMessage(byte[] f) {
        byte[] msg = new byte[72];
        System.arraycopy(f, 12, msg, 0, 4);
        System.arraycopy(f, 16, msg, 4, 4);
        System.arraycopy(f, SIG, msg, 8, 64);
        return msg;
    }
}
