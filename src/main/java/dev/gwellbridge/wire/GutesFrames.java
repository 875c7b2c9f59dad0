package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/** Helpers shared by the GUTES codecs: building a header, checking a received frame's shape. */
final class GutesFrames {
    /** The LE16 length field bounds every frame. */
    static final int MAX_LENGTH = 0xFFFF;

    private GutesFrames() {}

    /** A zeroed frame of {@code length} bytes with its header written (checksum 0). */
    static byte[] newFrame(int proto, int subtype, int length, long id, int sqnum, int flags) {
        byte[] frame = new byte[length];
        new GutesHeader(proto, subtype, length, id, sqnum, 0, flags).write(frame);
        return frame;
    }

    /** Stores the checksum and returns the frame. */
    static byte[] finish(byte[] frame) {
        GutesChecksum.store(frame);
        return frame;
    }

    /**
     * Checks that a decrypted frame has {@code subtype}, a route proto and at least {@code
     * minLength} bytes.
     */
    static void require(byte[] frame, int subtype, int minLength, String name) throws FrameException {
        if (frame.length < Math.max(minLength, GutesHeader.SIZE)) {
            throw new FrameException(name + ": " + frame.length + " bytes, need at least " + minLength);
        }
        if (frame.length > MAX_LENGTH) {
            throw new FrameException(name + ": " + frame.length + " bytes, longer than a frame can be");
        }
        if ((frame[1] & 0xFF) != subtype) {
            throw new FrameException(name + ": subtype 0x" + Integer.toHexString(frame[1] & 0xFF));
        }
        requireProto(frame, name);
    }

    /** Checks the proto byte is 0x7E or 0x7F. */
    static void requireProto(byte[] frame, String name) throws FrameException {
        int proto = frame[0] & 0xFF;
        if (proto != GutesRoute.PROTO_ACCESS && proto != GutesRoute.PROTO_ROUTED) {
            throw new FrameException(name + ": proto 0x" + Integer.toHexString(proto));
        }
    }

    static int flags(byte[] frame) {
        return Le.int32(frame, 20);
    }

    static int sqnum(byte[] frame) {
        return Le.int32(frame, 12);
    }

    static long id(byte[] frame) {
        return Le.int64(frame, 4);
    }
}
