package dev.gwellbridge.wire;

/** Frames whose payload layout is unknown: header plus opaque bytes. */
final class OpaqueFrames {
    private OpaqueFrames() {}

    static byte[] encode(GutesRoute route, int subtype, int sqnum, int flags, Octets payload) {
        byte[] f = GutesFrames.newFrame(
                route.proto(), subtype, GutesHeader.SIZE + payload.length(), route.id(), sqnum, flags);
        payload.copyTo(f, GutesHeader.SIZE);
        return GutesFrames.finish(f);
    }

    static Octets payload(byte[] f) {
        return Octets.of(f, GutesHeader.SIZE, f.length - GutesHeader.SIZE);
    }
}
