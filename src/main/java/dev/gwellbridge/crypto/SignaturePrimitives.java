package dev.gwellbridge.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Building blocks of the CertifyReq signature (GWELL-PROTOCOL.md §4.6): the nonce → AES-128 key
 * derivation with four string hashes, AES-128-CBC with the fixed IV {@code "iotVideo"} + 8 zero
 * bytes and no padding, the 16-bit little-endian word sum, and HMAC-MD5.
 *
 * <p>Some notes call the AES step "AES-ECB"; the reference implements CBC with this fixed IV, and
 * the vectors confirm it.
 */
public final class SignaturePrimitives {
    /** Length of the signature nonce. */
    public static final int NONCE_LENGTH = 12;

    private static final byte[] IV = ivBytes();

    // JCE lookups cost more than the 48-byte operations themselves; instances are not thread-safe.
    private static final ThreadLocal<Cipher> AES =
            ThreadLocal.withInitial(() -> jce(() -> Cipher.getInstance("AES/CBC/NoPadding")));
    private static final ThreadLocal<Mac> HMAC_MD5 =
            ThreadLocal.withInitial(() -> jce(() -> Mac.getInstance("HmacMD5")));

    private SignaturePrimitives() {}

    private static byte[] ivBytes() {
        byte[] iv = new byte[16];
        byte[] text = "iotVideo".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, iv, 0, text.length);
        return iv;
    }

    /** The CBC IV: ASCII {@code iotVideo} followed by eight zero bytes. */
    public static byte[] iv() {
        return IV.clone();
    }

    /**
     * Derives the 16-byte AES key from a nonce: LE32 of four hashes over the same bytes, in the
     * order {@code h*131 + c}, giot_hash_string, {@code c + h*33} from 5381, {@code c + h*65599}.
     */
    public static byte[] deriveAesKey(byte[] nonce) {
        int h1 = 0;
        int h2 = GiotHash.SEED;
        int h3 = 5381;
        int h4 = 0;
        for (byte b : nonce) {
            int c = b & 0xFF;
            h1 = h1 * 131 + c;
            h2 = GiotHash.step(h2, b);
            h3 = c + h3 * 33;
            h4 = c + h4 * 65599;
        }
        byte[] key = new byte[16];
        Le.putInt32(key, 0, h1);
        Le.putInt32(key, 4, h2);
        Le.putInt32(key, 8, h3);
        Le.putInt32(key, 12, h4);
        return key;
    }

    /**
     * The AES key used for {@code key}: a key of 16, 24 or 32 bytes is used as it is, anything else
     * goes through {@link #deriveAesKey}.
     */
    public static byte[] aesKey(byte[] key) {
        if (key.length == 16 || key.length == 24 || key.length == 32) {
            return key.clone();
        }
        return deriveAesKey(key);
    }

    /** AES-CBC encryption with the fixed IV; {@code plain.length} must be a multiple of 16. */
    public static byte[] aesCbcEncrypt(byte[] key, byte[] plain) {
        return aesCbc(Cipher.ENCRYPT_MODE, key, plain);
    }

    /** AES-CBC decryption with the fixed IV; {@code cipher.length} must be a multiple of 16. */
    public static byte[] aesCbcDecrypt(byte[] key, byte[] cipher) {
        return aesCbc(Cipher.DECRYPT_MODE, key, cipher);
    }

    private static byte[] aesCbc(int mode, byte[] key, byte[] input) {
        if (input.length % 16 != 0) {
            throw new IllegalArgumentException("AES-CBC input is not a whole number of blocks");
        }
        return jce(() -> {
            Cipher cipher = AES.get();
            cipher.init(mode, new SecretKeySpec(aesKey(key), "AES"), new IvParameterSpec(IV));
            return cipher.doFinal(input);
        });
    }

    /** Sum modulo 2^16 of the little-endian 16-bit words of {@code b[off..off+len)}. */
    public static int sum16(byte[] b, int off, int len) {
        int sum = 0;
        for (int o = off; o + 2 <= off + len; o += 2) {
            sum += Le.uint16(b, o);
        }
        return sum & 0xFFFF;
    }

    /** HMAC-MD5 (RFC 2104) of {@code message} under {@code key}: 16 bytes. */
    public static byte[] hmacMd5(byte[] key, byte[] message) {
        return jce(() -> {
            Mac mac = HMAC_MD5.get();
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(message);
        });
    }

    private interface JceCall<T> {
        T call() throws GeneralSecurityException;
    }

    /** Runs a JCE call whose algorithms every JDK provides; a failure is a broken runtime. */
    private static <T> T jce(JceCall<T> call) {
        try {
            return call.call();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCE algorithm unavailable or misused", e);
        }
    }
}
