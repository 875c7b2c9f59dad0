package dev.gwellbridge.wire;

import java.util.random.RandomGenerator;

/**
 * DetectReq2 (0x01, client → server and camera candidates, 68 bytes): a probe whose content is
 * random. See {@link DetectReq2Codec}.
 *
 * @param id random ID words [4..12)
 * @param sqnum random sqnum field
 * @param body the 40 random payload bytes [24..64)
 */
public record DetectReq2(long id, int sqnum, Octets body) implements GutesMessage {
    /** Length of the random payload. */
    public static final int BODY_LENGTH = 40;

    public DetectReq2 {
        if (body.length() != BODY_LENGTH) {
            throw new IllegalArgumentException("DetectReq2 body must be 40 bytes");
        }
    }

    /** A probe with content drawn from {@code random}. */
    public static DetectReq2 random(RandomGenerator random) {
        byte[] body = new byte[BODY_LENGTH];
        long id = random.nextLong();
        int sqnum = random.nextInt();
        random.nextBytes(body);
        return new DetectReq2(id, sqnum, Octets.of(body));
    }

    @Override
    public int subtype() {
        return SUB_DETECT_REQ2;
    }
}
