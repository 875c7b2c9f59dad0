package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Rc5x32;
import java.security.MessageDigest;

/**
 * The viewer's AV_INIT (32 bytes on DATA, GWELL-PROTOCOL.md §10.3); without it the camera never
 * starts encoding.
 *
 * <pre>
 * Off  Size  Field   Meaning
 *   0     4  head    04 02 20 00 (type 4, sub 2, LE16 length 32)
 *   4    24  body    three zero blocks RC5-32 encrypted with the MTP key (identical under ECB)
 *  28     4  tail    zero, left plaintext (partial block)
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class ViewerAvInitCodec {
    /** Length of the message. */
    public static final int LENGTH = 32;

    private static final int SUB = 2;

    private ViewerAvInitCodec() {}

    public static byte[] encode(Rc5x32 mtpKey) {
        return AvMessageCodec.encode(new AvMessage(AvMessage.TYPE_AV_DATA, SUB, new byte[LENGTH - 4]), mtpKey);
    }

    /** Whether {@code buf[off..off+len)} is the viewer AV_INIT for this key (what a camera checks). */
    public static boolean matches(byte[] buf, int off, int len, Rc5x32 mtpKey) {
        if (len != LENGTH) {
            return false;
        }
        byte[] expected = encode(mtpKey);
        byte[] actual = new byte[LENGTH];
        System.arraycopy(buf, off, actual, 0, LENGTH);
        return MessageDigest.isEqual(expected, actual);
    }
}
