package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;

/**
 * AV-layer message codec (GWELL-PROTOCOL.md §10.1).
 *
 * <pre>
 * Off  Size  Field   Meaning
 *   0     1  type    2 command data, 3 AVSTREAMCTL, 4 audio/video data
 *   1     1  sub     sub type / flags
 *   2     2  length  LE16 total length including these 4 bytes
 *   4     …  body    types 2 and 4: RC5-32/6 ECB with the MTP key, whole 8-byte blocks from
 *                    offset 4 up to the length; the last (length - 4) mod 8 bytes stay plaintext
 * </pre>
 *
 * <p>A receiver bounds the message by the smaller of the length field and the bytes it really has
 * (a length field larger than the message is not an error). Stateless and thread-safe.
 */
public final class AvMessageCodec {
    private AvMessageCodec() {}

    /** Builds the wire bytes of a message, encrypting the body of types 2 and 4 with {@code mtpKey}. */
    public static byte[] encode(AvMessage m, Rc5x32 mtpKey) {
        byte[] body = m.body();
        byte[] out = new byte[AvMessage.HEADER + body.length];
        out[0] = (byte) m.type();
        out[1] = (byte) m.sub();
        Le.putInt16(out, 2, out.length);
        System.arraycopy(body, 0, out, AvMessage.HEADER, body.length);
        if (AvMessage.isEncrypted(m.type())) {
            mtpKey.encrypt(out, AvMessage.HEADER, body.length);
        }
        return out;
    }

    /** Decodes a copy of {@code buf[off..off+len)}; the caller's bytes stay as they are. */
    public static AvMessage decode(byte[] buf, int off, int len, Rc5x32 mtpKey) throws FrameException {
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        int end = decryptInPlace(copy, 0, len, mtpKey);
        byte[] body = new byte[end - AvMessage.HEADER];
        System.arraycopy(copy, AvMessage.HEADER, body, 0, body.length);
        return new AvMessage(copy[0] & 0xFF, copy[1] & 0xFF, body);
    }

    /**
     * Decrypts the body of a type 2 or 4 message in place (other types are left alone).
     *
     * @return the message length in use: the smaller of the length field and {@code len}
     * @throws FrameException when the message is shorter than its header or the length field is below
     *     4
     */
    public static int decryptInPlace(byte[] buf, int off, int len, Rc5x32 mtpKey) throws FrameException {
        int end = usableLength(buf, off, len);
        if (AvMessage.isEncrypted(buf[off] & 0xFF)) {
            mtpKey.decrypt(buf, off + AvMessage.HEADER, end - AvMessage.HEADER);
        }
        return end;
    }

    /** The smaller of the length field and {@code len}, after checking both cover the header. */
    public static int usableLength(byte[] buf, int off, int len) throws FrameException {
        if (len < AvMessage.HEADER) {
            throw new FrameException("av: message of " + len + " bytes");
        }
        int field = Le.uint16(buf, off + 2);
        if (field < AvMessage.HEADER) {
            throw new FrameException("av: length field " + field + " below the header size");
        }
        return Math.min(field, len);
    }
}
