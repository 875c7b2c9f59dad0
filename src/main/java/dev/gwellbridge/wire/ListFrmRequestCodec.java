package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Rc5x32;

/**
 * Codec of {@link ListFrmRequest} (GWELL-PROTOCOL.md §6.14). Sent <b>unencrypted</b> (neither
 * mode 1 nor the ID step), with its checksum.
 *
 * <pre>
 * Off Size Field
 * 0   4    7F 15 28 00
 * 4   12   random (ID words and sqnum field)
 * 16  4    checksum
 * 20  4    flags 0x00010000
 * 24  16   random
 * </pre>
 */
public final class ListFrmRequestCodec implements GutesCodec<ListFrmRequest> {
    public static final ListFrmRequestCodec INSTANCE = new ListFrmRequestCodec();

    /** Frame length. */
    public static final int LENGTH = 40;
    /** Flags word. */
    public static final int FLAGS = ProbeFrames.FLAGS;

    private ListFrmRequestCodec() {}

    @Override
    public byte[] encodePlain(ListFrmRequest m) {
        return ProbeFrames.encode(m.subtype(), LENGTH, m.id(), m.sqnum(), m.body());
    }

    /** The plaintext frame: this request is never encrypted. */
    @Override
    public byte[] encode(ListFrmRequest m, Rc5x32 sessionKey) {
        return encodePlain(m);
    }

    @Override
    public ListFrmRequest decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_LIST_FRM_REQUEST, LENGTH, "list-frm-request");
        return new ListFrmRequest(
                GutesFrames.id(f), GutesFrames.sqnum(f), ProbeFrames.body(f, ListFrmRequest.BODY_LENGTH));
    }

    /** Parses the unencrypted frame as received, after checking its checksum. */
    @Override
    public ListFrmRequest decodeWire(byte[] wire, Rc5x32 sessionKey) throws FrameException {
        return decode(PlainFrames.verified(wire, "list-frm-request"));
    }
}
