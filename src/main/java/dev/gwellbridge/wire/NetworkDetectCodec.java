package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import java.nio.charset.StandardCharsets;

/**
 * Codec of {@link NetworkDetect} (GWELL-PROTOCOL.md §6.6).
 *
 * <pre>
 * Off Size Field
 * 0   4    7E B9 D0 00 (or 0x7F when no routing id yet)
 * 4   8    routing id (or accessId)
 * 12  4    sqnum
 * 16  4    checksum
 * 20  4    flags 0x02050000 | r&lt;&lt;1: mode 1, send type 1, bit 25, random bits
 * 24  4    LE32 3 (inner flags)
 * 28  8    camera TID
 * 36  8    accessId (caller)
 * 44  8    zero
 * 52  1    5 (inner type = network detect)
 * 53  23   zero
 * 76  2    LE16 timeout ms (3000)
 * 78  2    LE16 probe count (5)
 * 80  128  viewer's own LAN IPv4 address as dotted ASCII, NUL-padded
 * </pre>
 *
 * <p>Mode 1 although a session key exists; L = 184 = 23 whole blocks.
 */
public final class NetworkDetectCodec implements GutesCodec<NetworkDetect> {
    public static final NetworkDetectCodec INSTANCE = new NetworkDetectCodec();

    /** Frame length. */
    public static final int LENGTH = 208;
    /** Value of [24..28). */
    public static final int INNER_FLAGS = 3;
    /** Value of [52]: inner type "network detect". */
    public static final int INNER_TYPE = 5;

    private static final int IP_TEXT = 80;

    private NetworkDetectCodec() {}

    @Override
    public byte[] encodePlain(NetworkDetect m) {
        GutesRoute r = m.route();
        byte[] f = GutesFrames.newFrame(r.proto(), m.subtype(), LENGTH, r.id(), m.sqnum(), m.flags());
        Le.putInt32(f, 24, INNER_FLAGS);
        Le.putInt64(f, 28, m.cameraTid());
        Le.putInt64(f, 36, m.accessId());
        f[52] = INNER_TYPE;
        Le.putInt16(f, 76, m.timeoutMs());
        Le.putInt16(f, 78, m.probeCount());
        byte[] ip = m.viewerLanIp().getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(ip, 0, f, IP_TEXT, ip.length);
        return GutesFrames.finish(f);
    }

    @Override
    public NetworkDetect decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_P2P_INNER, LENGTH, "network-detect");
        if (f[52] != INNER_TYPE) {
            throw new FrameException("network-detect: inner type " + (f[52] & 0xFF));
        }
        int end = IP_TEXT;
        while (end < IP_TEXT + NetworkDetect.IP_TEXT_LENGTH && f[end] != 0) {
            end++;
        }
        return new NetworkDetect(
                GutesRoute.read(f),
                GutesFrames.sqnum(f),
                GutesFrames.flags(f) & GutesFlags.RANDOM_MASK,
                Le.int64(f, 28),
                Le.int64(f, 36),
                Le.uint16(f, 76),
                Le.uint16(f, 78),
                new String(f, IP_TEXT, end - IP_TEXT, StandardCharsets.ISO_8859_1));
    }
}
