package dev.gwellbridge.crypto;

/**
 * RC5-32/6 (32-bit words, 6 rounds, 8-byte blocks) in ECB mode, as GWELL-PROTOCOL.md §4.1 defines
 * it: words little-endian, any key length 0..255.
 *
 * <p>Buffers follow the tail rule of §4.3: only whole 8-byte blocks from the start of a range are
 * transformed; the last {@code len % 8} bytes stay as they are. Instances are immutable and
 * thread-safe.
 */
public final class Rc5x32 {
    private static final int P32 = 0xB7E15163;
    private static final int Q32 = 0x9E3779B9;
    private static final int ROUNDS = 6;
    private static final int TABLE = 2 * (ROUNDS + 1);

    /** Block size in bytes. */
    public static final int BLOCK = 8;

    private final int[] s;

    private Rc5x32(int[] s) {
        this.s = s;
    }

    /** Expands a key (0..255 bytes). */
    public static Rc5x32 of(byte[] key) {
        if (key.length > 255) {
            throw new IllegalArgumentException("RC5 key longer than 255 bytes");
        }
        int c = Math.max(1, (key.length + 3) / 4);
        int[] l = new int[c];
        for (int i = key.length - 1; i >= 0; i--) {
            l[i / 4] = (l[i / 4] << 8) + (key[i] & 0xFF);
        }
        int[] s = new int[TABLE];
        s[0] = P32;
        for (int i = 1; i < TABLE; i++) {
            s[i] = s[i - 1] + Q32;
        }
        int a = 0;
        int b = 0;
        int i = 0;
        int j = 0;
        for (int k = 0, n = 3 * Math.max(TABLE, c); k < n; k++) {
            a = s[i] = Integer.rotateLeft(s[i] + a + b, 3);
            b = l[j] = Integer.rotateLeft(l[j] + a + b, a + b);
            i = (i + 1) % TABLE;
            j = (j + 1) % c;
        }
        return new Rc5x32(s);
    }

    /** The expanded key table S[0..14). */
    public int[] subkeys() {
        return s.clone();
    }

    /** Encrypts the 8-byte block at {@code off} in place. */
    public void encryptBlock(byte[] buf, int off) {
        int a = Le.int32(buf, off) + s[0];
        int b = Le.int32(buf, off + 4) + s[1];
        for (int r = 1; r <= ROUNDS; r++) {
            a = Integer.rotateLeft(a ^ b, b) + s[2 * r];
            b = Integer.rotateLeft(b ^ a, a) + s[2 * r + 1];
        }
        Le.putInt32(buf, off, a);
        Le.putInt32(buf, off + 4, b);
    }

    /** Decrypts the 8-byte block at {@code off} in place. */
    public void decryptBlock(byte[] buf, int off) {
        int a = Le.int32(buf, off);
        int b = Le.int32(buf, off + 4);
        for (int r = ROUNDS; r >= 1; r--) {
            b = Integer.rotateRight(b - s[2 * r + 1], a) ^ a;
            a = Integer.rotateRight(a - s[2 * r], b) ^ b;
        }
        Le.putInt32(buf, off, a - s[0]);
        Le.putInt32(buf, off + 4, b - s[1]);
    }

    /** Encrypts the whole blocks of {@code buf[off..off+len)} in place; the tail stays plaintext. */
    public void encrypt(byte[] buf, int off, int len) {
        int end = off + (len & ~7);
        for (int o = off; o < end; o += BLOCK) {
            encryptBlock(buf, o);
        }
    }

    /** Decrypts the whole blocks of {@code buf[off..off+len)} in place; the tail stays as it is. */
    public void decrypt(byte[] buf, int off, int len) {
        int end = off + (len & ~7);
        for (int o = off; o < end; o += BLOCK) {
            decryptBlock(buf, o);
        }
    }
}
