package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Rc5x32;

/**
 * Codec of {@link DetectRequest} (GWELL-PROTOCOL.md §6.14). Returned with its checksum only, not
 * encrypted.
 *
 * <pre>
 * Off Size Field
 * 0   4    7F 17 2C 00
 * 4   12   random (ID words and sqnum field)
 * 16  4    checksum
 * 20  4    flags 0x00010000
 * 24  16   random
 * 40  4    zero
 * </pre>
 */
public final class DetectRequestCodec implements GutesCodec<DetectRequest> {
    public static final DetectRequestCodec INSTANCE = new DetectRequestCodec();

    /** Frame length. */
    public static final int LENGTH = 44;
    /** Flags word. */
    public static final int FLAGS = ProbeFrames.FLAGS;

    private DetectRequestCodec() {}

    @Override
    public byte[] encodePlain(DetectRequest m) {
        return ProbeFrames.encode(m.subtype(), LENGTH, m.id(), m.sqnum(), m.body());
    }

    /** The plaintext frame: the reference returns it unencrypted. */
    @Override
    public byte[] encode(DetectRequest m, Rc5x32 sessionKey) {
        return encodePlain(m);
    }

    @Override
    public DetectRequest decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_DETECT_REQUEST, LENGTH, "detect-request");
        return new DetectRequest(
                GutesFrames.id(f), GutesFrames.sqnum(f), ProbeFrames.body(f, DetectRequest.BODY_LENGTH));
    }

    /** Parses the unencrypted frame as received, after checking its checksum. */
    @Override
    public DetectRequest decodeWire(byte[] wire, Rc5x32 sessionKey) throws FrameException {
        return decode(PlainFrames.verified(wire, "detect-request"));
    }
}
