package dev.gwellbridge.wire;

/**
 * The random-content probes (DetectReq2, DetectRequest, ListFrmRequest): proto 0x7F, random ID
 * words and sqnum field, flags 0x00010000, a random body at 24, zero to the end.
 */
final class ProbeFrames {
    /** Flags word of every probe. */
    static final int FLAGS = 0x00010000;

    private ProbeFrames() {}

    static byte[] encode(int subtype, int length, long id, int sqnum, Octets body) {
        byte[] f = GutesFrames.newFrame(GutesRoute.PROTO_ACCESS, subtype, length, id, sqnum, FLAGS);
        body.copyTo(f, GutesHeader.SIZE);
        return GutesFrames.finish(f);
    }

    static Octets body(byte[] f, int length) {
        return Octets.of(f, GutesHeader.SIZE, length);
    }
}
