package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import java.util.ArrayList;
import java.util.List;

/**
 * Server lists (GWELL-PROTOCOL.md §7.3): {@code LE32 count} followed by {@code count} 36-byte
 * {@link ServerEntry} records; entries with IP 0.0.0.0 are skipped.
 *
 * <pre>
 * Off       Size Field
 * 0         4    LE32 count
 * 4 + 36i   36   entry i
 * </pre>
 *
 * <p>The layout of the list server's 0x16 answer is unknown, so {@link #scan} looks for a list at
 * every 4-byte-aligned offset, as the reference does.
 */
public final class ServerListCodec {
    /** Largest count the 0x16 scan accepts. */
    public static final int SCAN_MAX_COUNT = 20;

    private ServerListCodec() {}

    /** A list holding {@code entries}. */
    public static byte[] encode(List<ServerEntry> entries) {
        byte[] b = new byte[4 + ServerEntryCodec.SIZE * entries.size()];
        Le.putInt32(b, 0, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ServerEntryCodec.write(entries.get(i), b, 4 + ServerEntryCodec.SIZE * i);
        }
        return b;
    }

    /** Parses a list; every counted entry must be present. 0.0.0.0 entries are skipped. */
    public static List<ServerEntry> decode(byte[] list) throws FrameException {
        if (list.length < 4) {
            throw new FrameException("server-list: no count");
        }
        long count = Le.uint32(list, 0);
        if (count > (list.length - 4) / ServerEntryCodec.SIZE) {
            throw new FrameException("server-list: " + count + " entries do not fit " + list.length + " bytes");
        }
        return entries(list, 0, (int) count);
    }

    /**
     * The reference's reading of a ListFrmResponse (0x16): at each 4-byte-aligned offset, a count
     * in 1..20 followed by that many complete entries of which at least one has a public IPv4
     * (first byte not 0, 10 or 127). The first match wins; no match gives an empty list.
     */
    public static List<ServerEntry> scan(byte[] response) {
        for (int off = 0; off + 4 <= response.length; off += 4) {
            long count = Le.uint32(response, off);
            if (count < 1 || count > SCAN_MAX_COUNT || off + 4 + ServerEntryCodec.SIZE * count > response.length) {
                continue;
            }
            boolean anyPublic = false;
            for (int i = 0; i < count; i++) {
                int first = response[off + 4 + ServerEntryCodec.SIZE * i] & 0xFF;
                anyPublic |= first != 0 && first != 10 && first != 127;
            }
            if (anyPublic) {
                return entries(response, off, (int) count);
            }
        }
        return List.of();
    }

    private static List<ServerEntry> entries(byte[] b, int off, int count) {
        List<ServerEntry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ServerEntry e = ServerEntryCodec.read(b, off + 4 + ServerEntryCodec.SIZE * i);
            if (!e.ip().isAny()) {
                out.add(e);
            }
        }
        return out;
    }
}
