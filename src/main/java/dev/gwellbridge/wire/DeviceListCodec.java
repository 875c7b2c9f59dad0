package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Codec of {@link DeviceList} (GWELL-PROTOCOL.md §6.4). Payload p = frame[24..):
 *
 * <pre>
 * Off in p  Size Field
 * 0         4    option bits (not used)
 * 4         4    LE32 count; accepted only if 1 ≤ count ≤ 32
 * 8 + 44i   8    LE64 TID of device i
 * 16 + 44i  2    unknown field (status/type)
 * 18 + 44i  2    unknown attribute
 * 20 + 44i  32   device name, ASCII, NUL-padded (no terminator when 32 characters)
 * </pre>
 *
 * <p>Entries that would run past the end are ignored. {@link #parsePayload} is the reference's
 * lenient reading; {@link #decode} additionally rejects what can only be garbage (a count outside
 * 1..32, no complete entry, a non-printable name), because frames of other sessions with flags bit
 * 21 pass decryption under any key (§11.9).
 */
public final class DeviceListCodec implements GutesCodec<DeviceList> {
    public static final DeviceListCodec INSTANCE = new DeviceListCodec();

    /** Size of one entry. */
    public static final int ENTRY_SIZE = 44;

    private static final int PAYLOAD = GutesHeader.SIZE;
    private static final int ENTRIES = 8;

    private DeviceListCodec() {}

    @Override
    public byte[] encodePlain(DeviceList m) {
        int n = m.devices().size();
        byte[] f = GutesFrames.newFrame(
                m.route().proto(),
                m.subtype(),
                PAYLOAD + ENTRIES + ENTRY_SIZE * n,
                m.route().id(),
                m.sqnum(),
                m.flags());
        Le.putInt32(f, PAYLOAD, m.options());
        Le.putInt32(f, PAYLOAD + 4, n);
        for (int i = 0; i < n; i++) {
            DeviceEntry d = m.devices().get(i);
            int o = PAYLOAD + ENTRIES + ENTRY_SIZE * i;
            Le.putInt64(f, o, d.tid());
            Le.putInt16(f, o + 8, d.status());
            Le.putInt16(f, o + 10, d.attribute());
            byte[] name = d.name().getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(name, 0, f, o + 12, name.length);
        }
        return GutesFrames.finish(f);
    }

    @Override
    public DeviceList decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_INIT_INFO_RESP, PAYLOAD + ENTRIES, "device-list");
        long count = Le.uint32(f, PAYLOAD + 4);
        if (count < 1 || count > DeviceList.MAX_DEVICES) {
            throw new FrameException("device-list: count " + count + " outside 1..32");
        }
        List<DeviceEntry> devices = entries(f, PAYLOAD, f.length - PAYLOAD);
        if (devices.isEmpty()) {
            throw new FrameException("device-list: no complete entry");
        }
        for (DeviceEntry d : devices) {
            if (!d.hasPrintableName()) {
                throw new FrameException("device-list: non-printable device name");
            }
        }
        return new DeviceList(
                GutesRoute.read(f), GutesFrames.sqnum(f), GutesFrames.flags(f), Le.int32(f, PAYLOAD), devices);
    }

    /**
     * The reference's parse of a device-list payload: no devices when the payload is shorter than
     * 8 bytes or the count lies outside 1..32; entries past the end are ignored.
     */
    public static List<DeviceEntry> parsePayload(byte[] payload) {
        if (payload.length < ENTRIES) {
            return List.of();
        }
        long count = Le.uint32(payload, 4);
        if (count < 1 || count > DeviceList.MAX_DEVICES) {
            return List.of();
        }
        return entries(payload, 0, payload.length);
    }

    private static List<DeviceEntry> entries(byte[] b, int payloadOffset, int payloadLength) {
        int count = (int) Le.uint32(b, payloadOffset + 4);
        List<DeviceEntry> devices = new ArrayList<>();
        for (int i = 0; i < count && ENTRIES + ENTRY_SIZE * (i + 1) <= payloadLength; i++) {
            int o = payloadOffset + ENTRIES + ENTRY_SIZE * i;
            int nameEnd = o + 12;
            while (nameEnd < o + ENTRY_SIZE && b[nameEnd] != 0) {
                nameEnd++;
            }
            String name = new String(b, o + 12, nameEnd - (o + 12), StandardCharsets.ISO_8859_1);
            devices.add(new DeviceEntry(Le.int64(b, o), Le.uint16(b, o + 8), Le.uint16(b, o + 10), name));
        }
        return devices;
    }
}
