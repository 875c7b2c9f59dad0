package dev.gwellbridge.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Encrypt/decrypt round trips of RC5-32/6 and RC5-64/6 and the tail rule (§4.1–§4.3), over random
 * keys, buffer lengths and offsets. Each try derives its values from the seed jqwik draws, which
 * keeps a try cheap; key lengths lean towards the edges (0, 16, 255).
 */
class Rc5PropertiesTest {

    @Property(tries = 3000)
    void rc5x32DecryptUndoesEncryptAndLeavesTheTailAlone(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] key = bytes(r, keyLength(r, 8));
        Rc5x32 rc5 = Rc5x32.of(key);
        int len = r.nextInt(81);
        int off = r.nextInt(10);
        byte[] buf = bytes(r, off + len + 3);
        byte[] original = buf.clone();

        rc5.encrypt(buf, off, len);
        int whole = len & ~(Rc5x32.BLOCK - 1);
        assertUntouchedOutside(buf, original, off, whole);
        byte[] blockwise = original.clone();
        for (int o = off; o < off + whole; o += Rc5x32.BLOCK) {
            rc5.encryptBlock(blockwise, o);
        }
        assertThat(buf).isEqualTo(blockwise);
        rc5.decrypt(buf, off, len);
        assertThat(buf).isEqualTo(original);
    }

    @Property(tries = 3000)
    void rc5x64DecryptUndoesEncryptAndLeavesTheTailAlone(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] key = bytes(r, keyLength(r, 16));
        Rc5x64 rc5 = Rc5x64.of(key);
        int len = r.nextInt(101);
        int off = r.nextInt(18);
        byte[] buf = bytes(r, off + len + 5);
        byte[] original = buf.clone();

        rc5.encrypt(buf, off, len);
        int whole = len & ~(Rc5x64.BLOCK - 1);
        assertUntouchedOutside(buf, original, off, whole);
        byte[] blockwise = original.clone();
        for (int o = off; o < off + whole; o += Rc5x64.BLOCK) {
            rc5.encryptBlock(blockwise, o);
        }
        assertThat(buf).isEqualTo(blockwise);
        rc5.decrypt(buf, off, len);
        assertThat(buf).isEqualTo(original);
    }

    @Property(tries = 1000)
    void aOneBitKeyChangeChangesTheCiphertext(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] key = bytes(r, 1 + r.nextInt(255));
        byte[] other = key.clone();
        other[r.nextInt(key.length)] ^= (byte) (1 << r.nextInt(8));
        byte[] block64 = bytes(r, Rc5x64.BLOCK);
        byte[] a = block64.clone();
        byte[] b = block64.clone();
        Rc5x64.of(key).encryptBlock(a, 0);
        Rc5x64.of(other).encryptBlock(b, 0);
        assertThat(a).isNotEqualTo(b);
        byte[] block32 = bytes(r, Rc5x32.BLOCK);
        byte[] c = block32.clone();
        byte[] d = block32.clone();
        Rc5x32.of(key).encryptBlock(c, 0);
        Rc5x32.of(other).encryptBlock(d, 0);
        assertThat(c).isNotEqualTo(d);
    }

    /** Bytes before {@code off} and from {@code off + whole} on are unchanged. */
    private static void assertUntouchedOutside(byte[] buf, byte[] original, int off, int whole) {
        assertThat(Arrays.copyOfRange(buf, 0, off)).isEqualTo(Arrays.copyOfRange(original, 0, off));
        assertThat(Arrays.copyOfRange(buf, off + whole, buf.length))
                .isEqualTo(Arrays.copyOfRange(original, off + whole, original.length));
    }

    private static int keyLength(SplittableRandom r, int typical) {
        return switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 255;
            case 2 -> typical;
            default -> r.nextInt(256);
        };
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
