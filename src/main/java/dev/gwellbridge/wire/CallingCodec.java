package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Codec of {@link Calling} (GWELL-PROTOCOL.md §6.7).
 *
 * <pre>
 * Off Size Field
 * 0   4    7E A4 80 00 (0x7F + accessId if no routing id)
 * 4   8    routing id
 * 12  4    sqnum
 * 16  4    checksum
 * 20  4    flags 0x00060000 (mode 2, send type 1)
 * 24  2    LE16 option bits: 0x0001 always, +0x0002 "LAN call"
 * 26  2    zero
 * 28  4    linkId (LE32)
 * 32  8    accessId (caller)
 * 40  8    camera TID (callee)
 * 48  2    zero
 * 50  1    0x01
 * 51  3    zero
 * 54  2    LE16 viewer's local UDP port (0 without a configured camera LAN IP)
 * 56  8    zero
 * 64  4    viewer's LAN IPv4, network order (0 without a configured camera LAN IP)
 * 68  52   zero
 * 120 8    MTP key
 * </pre>
 *
 * <p>L = 104 = 13 whole blocks; the MTP key at [120..128) is sent as it is.
 */
public final class CallingCodec implements GutesCodec<Calling> {
    public static final CallingCodec INSTANCE = new CallingCodec();

    /** Frame length. */
    public static final int LENGTH = 128;
    /** Flags word. */
    public static final int FLAGS = 0x00060000;
    /** Option bit always set. */
    public static final int OPTION_CALL = 0x0001;
    /** Option bit "LAN call". */
    public static final int OPTION_LAN_CALL = 0x0002;

    private CallingCodec() {}

    @Override
    public byte[] encodePlain(Calling m) {
        GutesRoute r = m.route();
        byte[] f = GutesFrames.newFrame(r.proto(), m.subtype(), LENGTH, r.id(), m.sqnum(), FLAGS);
        Le.putInt16(f, 24, OPTION_CALL | (m.lanCall() ? OPTION_LAN_CALL : 0));
        Le.putInt32(f, 28, m.linkId());
        Le.putInt64(f, 32, m.accessId());
        Le.putInt64(f, 40, m.cameraTid());
        f[50] = 0x01;
        Le.putInt16(f, 54, m.viewerPort());
        m.viewerIp().write(f, 64);
        m.mtpKey().copyTo(f, 120);
        return GutesFrames.finish(f);
    }

    @Override
    public Calling decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_CALLING, LENGTH, "calling");
        return new Calling(
                GutesRoute.read(f),
                GutesFrames.sqnum(f),
                (Le.uint16(f, 24) & OPTION_LAN_CALL) != 0,
                Le.int32(f, 28),
                Le.int64(f, 32),
                Le.int64(f, 40),
                Le.uint16(f, 54),
                Ipv4.read(f, 64),
                Octets.of(f, 120, Calling.MTP_KEY_LENGTH));
    }
}
