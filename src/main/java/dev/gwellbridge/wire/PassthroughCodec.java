package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Codec of {@link Passthrough} (GWELL-PROTOCOL.md §6.13). Header: 7E B9, length, routing id,
 * sqnum, checksum, flags 0x00060000 (mode 2, send type 1).
 *
 * <pre>
 * Control, 76 bytes:
 * Off Size Field
 * 24  4    LE32 3 (bit 0 set = control)
 * 28  8    camera TID
 * 36  8    accessId
 * 44  8    zero
 * 52  1    command
 * 53  3    zero
 * 56  4    linkId
 * 60  16   zero
 *
 * Data, 52 + n bytes:
 * 24  4    LE32 0 (bit 0 clear = data)
 * 28  8    camera TID
 * 36  8    accessId
 * 44  4    message id (the fork uses the linkId)
 * 48  2    LE16 n
 * 50  2    zero
 * 52  n    inner frame (an MTP frame), opaque here
 * </pre>
 *
 * <p>A data frame decodes only when 0 &lt; n and 52 + n ≤ length.
 */
public final class PassthroughCodec implements GutesCodec<Passthrough> {
    public static final PassthroughCodec INSTANCE = new PassthroughCodec();

    /** Flags word. */
    public static final int FLAGS = 0x00060000;
    /** Length of a control frame. */
    public static final int CONTROL_LENGTH = 76;
    /** Start of a data frame's inner frame. */
    public static final int DATA_HEADER = 52;

    private PassthroughCodec() {}

    @Override
    public byte[] encodePlain(Passthrough m) {
        int length = m instanceof PassthroughData d ? DATA_HEADER + d.payload().length() : CONTROL_LENGTH;
        byte[] f = GutesFrames.newFrame(GutesRoute.PROTO_ROUTED, m.subtype(), length, m.routingId(), m.sqnum(), FLAGS);
        Le.putInt64(f, 28, m.cameraTid());
        Le.putInt64(f, 36, m.accessId());
        if (m instanceof PassthroughData d) {
            Le.putInt32(f, 44, d.messageId());
            Le.putInt16(f, 48, d.payload().length());
            d.payload().copyTo(f, DATA_HEADER);
        } else {
            PassthroughControl c = (PassthroughControl) m;
            Le.putInt32(f, 24, 3);
            f[52] = (byte) c.command();
            Le.putInt32(f, 56, c.linkId());
        }
        return GutesFrames.finish(f);
    }

    @Override
    public Passthrough decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_P2P_INNER, DATA_HEADER, "passthrough");
        long routingId = GutesFrames.id(f);
        int sqnum = GutesFrames.sqnum(f);
        long tid = Le.int64(f, 28);
        long accessId = Le.int64(f, 36);
        if (isControl(f)) {
            if (f.length < CONTROL_LENGTH) {
                throw new FrameException("passthrough: control frame needs 76 bytes");
            }
            return new PassthroughControl(routingId, sqnum, tid, accessId, f[52] & 0xFF, Le.int32(f, 56));
        }
        int n = Le.uint16(f, 48);
        if (n == 0 || DATA_HEADER + n > f.length) {
            throw new FrameException("passthrough: inner length " + n + " does not fit " + f.length + " bytes");
        }
        return new PassthroughData(routingId, sqnum, tid, accessId, Le.int32(f, 44), Octets.of(f, DATA_HEADER, n));
    }

    /** Bit 0 of [24..28): set for control (and NetworkDetect), clear for data. */
    static boolean isControl(byte[] f) {
        return (f[24] & 1) != 0;
    }
}
