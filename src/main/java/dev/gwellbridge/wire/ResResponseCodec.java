package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import java.util.ArrayList;
import java.util.List;

/**
 * Codec of {@link ResResponse} (GWELL-PROTOCOL.md §6.9). Frames of at least 104 bytes decode;
 * encoded frames are 122 + 16·relays bytes.
 *
 * <pre>
 * Off        Size Field
 * 0          24   header: proto, 0xA3, length, ID, sqnum, checksum, flags (mode 2 in practice)
 * 24         64   unknown (written as 0)
 * 88 (0x58)  2    LE16 camera outer (public) port
 * 90 (0x5A)  2    LE16 camera LAN port
 * 92 (0x5C)  2    unknown (written as 0)
 * 94 (0x5E)  2    LE16 camera session port
 * 96 (0x60)  4    camera outer IPv4, network order
 * 100        20   unknown (written as 0)
 * 120 (0x78) 1    number of IPv4 relay entries (capped at 32); read only if length ≥ 123
 * 121 (0x79) 1    unknown, possibly an IPv6 count (written as 0)
 * 122 + 16i  16   relay entry i ({@link RelayEntry}); entries past the end are ignored
 * </pre>
 */
public final class ResResponseCodec implements GutesCodec<ResResponse> {
    public static final ResResponseCodec INSTANCE = new ResResponseCodec();

    /** Shortest frame the client reads. */
    public static final int MIN_LENGTH = 104;

    private static final int RELAY_COUNT = 0x78;
    private static final int RELAYS = 0x7A;

    private ResResponseCodec() {}

    @Override
    public byte[] encodePlain(ResResponse m) {
        int n = m.relays().size();
        byte[] f = GutesFrames.newFrame(
                m.route().proto(),
                m.subtype(),
                RELAYS + RelayEntry.SIZE * n,
                m.route().id(),
                m.sqnum(),
                m.flags());
        Le.putInt16(f, 0x58, m.outerPort());
        Le.putInt16(f, 0x5A, m.lanPort());
        Le.putInt16(f, 0x5E, m.sessionPort());
        m.outerIp().write(f, 0x60);
        f[RELAY_COUNT] = (byte) n;
        for (int i = 0; i < n; i++) {
            RelayEntry r = m.relays().get(i);
            int o = RELAYS + RelayEntry.SIZE * i;
            Le.putInt64(f, o, r.sessionId());
            Le.putInt16(f, o + 8, r.flags());
            Le.putInt16(f, o + 10, r.endpoint().port());
            r.endpoint().ip().write(f, o + 12);
        }
        return GutesFrames.finish(f);
    }

    @Override
    public ResResponse decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_MTP_RES_RESPONSE, MIN_LENGTH, "res-response");
        List<RelayEntry> relays = new ArrayList<>();
        if (f.length > RELAYS) {
            int count = Math.min(f[RELAY_COUNT] & 0xFF, ResResponse.MAX_RELAYS);
            for (int i = 0; i < count && RELAYS + RelayEntry.SIZE * (i + 1) <= f.length; i++) {
                int o = RELAYS + RelayEntry.SIZE * i;
                relays.add(new RelayEntry(
                        Le.int64(f, o),
                        Le.uint16(f, o + 8),
                        new Ipv4Endpoint(Ipv4.read(f, o + 12), Le.uint16(f, o + 10))));
            }
        }
        return new ResResponse(
                GutesRoute.read(f),
                GutesFrames.sqnum(f),
                GutesFrames.flags(f),
                Le.uint16(f, 0x58),
                Le.uint16(f, 0x5A),
                Le.uint16(f, 0x5E),
                Ipv4.read(f, 0x60),
                relays);
    }
}
