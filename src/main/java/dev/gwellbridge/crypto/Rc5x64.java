package dev.gwellbridge.crypto;

/**
 * RC5-64/6 (64-bit words, 6 rounds, 16-byte blocks) in ECB mode, as GWELL-PROTOCOL.md §4.2
 * defines it: the RC5-32 algorithm with w = 64, words loaded little-endian, any key length 0..255.
 *
 * <p>The protocol uses it only for the session key inside CertifyReq (two blocks, keyed with the
 * token key). Buffers follow the tail rule of §4.3 with 16-byte blocks: the last {@code len % 16}
 * bytes stay as they are. Instances are immutable and thread-safe.
 */
public final class Rc5x64 {
    private static final long P64 = 0xB7E151628AED2A6BL;
    private static final long Q64 = 0x9E3779B97F4A7C15L;
    private static final int ROUNDS = 6;
    private static final int TABLE = 2 * (ROUNDS + 1);

    /** Block size in bytes. */
    public static final int BLOCK = 16;

    private final long[] s;

    private Rc5x64(long[] s) {
        this.s = s;
    }

    /** Expands a key (0..255 bytes). */
    public static Rc5x64 of(byte[] key) {
        if (key.length > 255) {
            throw new IllegalArgumentException("RC5 key longer than 255 bytes");
        }
        int c = Math.max(1, (key.length + 7) / 8);
        long[] l = new long[c];
        for (int i = key.length - 1; i >= 0; i--) {
            l[i / 8] = (l[i / 8] << 8) + (key[i] & 0xFF);
        }
        long[] s = new long[TABLE];
        s[0] = P64;
        for (int i = 1; i < TABLE; i++) {
            s[i] = s[i - 1] + Q64;
        }
        long a = 0;
        long b = 0;
        int i = 0;
        int j = 0;
        for (int k = 0, n = 3 * Math.max(TABLE, c); k < n; k++) {
            a = s[i] = Long.rotateLeft(s[i] + a + b, 3);
            b = l[j] = Long.rotateLeft(l[j] + a + b, (int) (a + b));
            i = (i + 1) % TABLE;
            j = (j + 1) % c;
        }
        return new Rc5x64(s);
    }

    /** The expanded key table S[0..14). */
    public long[] subkeys() {
        return s.clone();
    }

    /** Encrypts the 16-byte block at {@code off} in place. */
    public void encryptBlock(byte[] buf, int off) {
        long a = Le.int64(buf, off) + s[0];
        long b = Le.int64(buf, off + 8) + s[1];
        for (int r = 1; r <= ROUNDS; r++) {
            a = Long.rotateLeft(a ^ b, (int) b) + s[2 * r];
            b = Long.rotateLeft(b ^ a, (int) a) + s[2 * r + 1];
        }
        Le.putInt64(buf, off, a);
        Le.putInt64(buf, off + 8, b);
    }

    /** Decrypts the 16-byte block at {@code off} in place. */
    public void decryptBlock(byte[] buf, int off) {
        long a = Le.int64(buf, off);
        long b = Le.int64(buf, off + 8);
        for (int r = ROUNDS; r >= 1; r--) {
            b = Long.rotateRight(b - s[2 * r + 1], (int) a) ^ a;
            a = Long.rotateRight(a - s[2 * r], (int) b) ^ b;
        }
        Le.putInt64(buf, off, a - s[0]);
        Le.putInt64(buf, off + 8, b - s[1]);
    }

    /** Encrypts the whole blocks of {@code buf[off..off+len)} in place; the tail stays plaintext. */
    public void encrypt(byte[] buf, int off, int len) {
        int end = off + (len & ~(BLOCK - 1));
        for (int o = off; o < end; o += BLOCK) {
            encryptBlock(buf, o);
        }
    }

    /** Decrypts the whole blocks of {@code buf[off..off+len)} in place; the tail stays as it is. */
    public void decrypt(byte[] buf, int off, int len) {
        int end = off + (len & ~(BLOCK - 1));
        for (int o = off; o < end; o += BLOCK) {
            decryptBlock(buf, o);
        }
    }
}
