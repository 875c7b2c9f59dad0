package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Rc5x32;

/**
 * H.264 recovery from received AV messages (GWELL-PROTOCOL.md §10.4). For each KCP message:
 *
 * <ol>
 *   <li>types 2 and 4 are decrypted in place, on either channel;
 *   <li>only type 4 on DATA produces output: its body, minus a leading 28-byte head_info record
 *       ({@code FF FF FF 88 …}, only when the body has at least 28 bytes);
 *   <li>nothing is written when that leaves no bytes.
 * </ol>
 *
 * <p>The outputs concatenated form a raw Annex B stream. Stateless and thread-safe.
 */
public final class H264Extractor {
    private H264Extractor() {}

    /**
     * Processes one message held in {@code msg[off..off+len)}, decrypting it in place.
     *
     * @return the number of bytes written to {@code sink} (0: the sink was not called)
     * @throws FrameException when the message is shorter than its header or its length field is
     *     below 4
     */
    public static int extract(AvChannel channel, byte[] msg, int off, int len, Rc5x32 mtpKey, H264Sink sink)
            throws FrameException {
        int end = AvMessageCodec.decryptInPlace(msg, off, len, mtpKey);
        if (channel != AvChannel.DATA || msg[off] != AvMessage.TYPE_AV_DATA) {
            return 0;
        }
        int body = off + AvMessage.HEADER;
        int bodyLen = end - AvMessage.HEADER;
        if (HeadInfoCodec.startsWithHeadInfo(msg, body, bodyLen)) {
            body += HeadInfoCodec.LENGTH;
            bodyLen -= HeadInfoCodec.LENGTH;
        }
        if (bodyLen > 0) {
            sink.write(msg, body, bodyLen);
        }
        return bodyLen;
    }
}
