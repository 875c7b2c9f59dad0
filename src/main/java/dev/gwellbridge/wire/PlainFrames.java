package dev.gwellbridge.wire;

/** Frames sent with a checksum but without any encryption (ListFrmRequest, DetectRequest). */
final class PlainFrames {
    private PlainFrames() {}

    static byte[] verified(byte[] wire, String name) throws FrameException {
        if (wire.length < GutesHeader.SIZE) {
            throw new FrameException(name + ": " + wire.length + " bytes, shorter than the header");
        }
        if (!GutesFlags.skipsChecksum(GutesFrames.flags(wire)) && !GutesChecksum.verifies(wire)) {
            throw new FrameException(name + ": checksum mismatch");
        }
        return wire.clone();
    }
}
