package dev.gwellbridge.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One AV-layer message, i.e. one KCP message (GWELL-PROTOCOL.md §10.1), with its body in
 * plaintext. Wire layout and encryption in {@link AvMessageCodec}.
 *
 * @param type 2 command data, 3 AVSTREAMCTL, 4 audio/video data
 * @param sub sub type / flags byte
 * @param body the bytes after the 4-byte header, decrypted
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString compare contents
public record AvMessage(int type, int sub, byte[] body) {
    /** Command data; body encrypted. */
    public static final int TYPE_COMMAND = 2;
    /** AVSTREAMCTL; plaintext. */
    public static final int TYPE_AVSTREAMCTL = 3;
    /** Audio/video data; body encrypted, carries H.264. */
    public static final int TYPE_AV_DATA = 4;
    /** Header length: type, sub, LE16 total length. */
    public static final int HEADER = 4;
    /** Largest message the LE16 length field can describe. */
    public static final int MAX_LENGTH = 0xFFFF;

    public AvMessage {
        if (type < 0 || type > 0xFF || sub < 0 || sub > 0xFF) {
            throw new IllegalArgumentException("av: type or sub out of range");
        }
        if (HEADER + body.length > MAX_LENGTH) {
            throw new IllegalArgumentException("av: body of " + body.length + " bytes is too long");
        }
        body = body.clone();
    }

    /** Whether messages of this type carry an RC5-32 encrypted body (types 2 and 4). */
    public static boolean isEncrypted(int type) {
        return type == TYPE_COMMAND || type == TYPE_AV_DATA;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvMessage m && m.type == type && m.sub == sub && Arrays.equals(m.body, body);
    }

    @Override
    public int hashCode() {
        return (type * 31 + sub) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "AvMessage[type=" + type + ", sub=" + sub + ", body="
                + HexFormat.of().formatHex(body) + "]";
    }
}
