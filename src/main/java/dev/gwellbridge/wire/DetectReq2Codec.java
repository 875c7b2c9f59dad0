package dev.gwellbridge.wire;

/**
 * Codec of {@link DetectReq2} (GWELL-PROTOCOL.md §6.14).
 *
 * <pre>
 * Off Size Field
 * 0   4    7F 01 44 00
 * 4   12   random (ID words and sqnum field)
 * 16  4    checksum
 * 20  4    flags 0x00010000 (mode 1)
 * 24  40   random
 * 64  4    zero
 * </pre>
 *
 * <p>Full mode-1 encryption: L = 44, blocks 24..64.
 */
public final class DetectReq2Codec implements GutesCodec<DetectReq2> {
    public static final DetectReq2Codec INSTANCE = new DetectReq2Codec();

    /** Frame length. */
    public static final int LENGTH = 68;
    /** Flags word. */
    public static final int FLAGS = ProbeFrames.FLAGS;

    private DetectReq2Codec() {}

    @Override
    public byte[] encodePlain(DetectReq2 m) {
        return ProbeFrames.encode(m.subtype(), LENGTH, m.id(), m.sqnum(), m.body());
    }

    @Override
    public DetectReq2 decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_DETECT_REQ2, LENGTH, "detect-req2");
        return new DetectReq2(GutesFrames.id(f), GutesFrames.sqnum(f), ProbeFrames.body(f, DetectReq2.BODY_LENGTH));
    }
}
