package dev.gwellbridge.wire;

import java.util.random.RandomGenerator;

/**
 * DetectRequest (0x17, 44 bytes): like DetectReq2 with a shorter payload. The reference builds it
 * but never sends it; it is returned unencrypted. See {@link DetectRequestCodec}.
 *
 * @param id random ID words [4..12)
 * @param sqnum random sqnum field
 * @param body the 16 random payload bytes [24..40)
 */
public record DetectRequest(long id, int sqnum, Octets body) implements GutesMessage {
    /** Length of the random payload. */
    public static final int BODY_LENGTH = 16;

    public DetectRequest {
        if (body.length() != BODY_LENGTH) {
            throw new IllegalArgumentException("DetectRequest body must be 16 bytes");
        }
    }

    /** A request with content drawn from {@code random}. */
    public static DetectRequest random(RandomGenerator random) {
        byte[] body = new byte[BODY_LENGTH];
        long id = random.nextLong();
        int sqnum = random.nextInt();
        random.nextBytes(body);
        return new DetectRequest(id, sqnum, Octets.of(body));
    }

    @Override
    public int subtype() {
        return SUB_DETECT_REQUEST;
    }
}
