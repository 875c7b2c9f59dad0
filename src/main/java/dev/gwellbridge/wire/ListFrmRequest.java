package dev.gwellbridge.wire;

import java.util.random.RandomGenerator;

/**
 * ListFrmRequest (0x15, client → list server, 40 bytes): asks for the P2P server list. Content is
 * random; the frame is sent with its checksum but not encrypted. See {@link
 * ListFrmRequestCodec}.
 *
 * @param id random ID words [4..12)
 * @param sqnum random sqnum field
 * @param body the 16 random payload bytes
 */
public record ListFrmRequest(long id, int sqnum, Octets body) implements GutesMessage {
    /** Length of the random payload. */
    public static final int BODY_LENGTH = 16;

    public ListFrmRequest {
        if (body.length() != BODY_LENGTH) {
            throw new IllegalArgumentException("ListFrmRequest body must be 16 bytes");
        }
    }

    /** A request with content drawn from {@code random}. */
    public static ListFrmRequest random(RandomGenerator random) {
        byte[] body = new byte[BODY_LENGTH];
        long id = random.nextLong();
        int sqnum = random.nextInt();
        random.nextBytes(body);
        return new ListFrmRequest(id, sqnum, Octets.of(body));
    }

    @Override
    public int subtype() {
        return SUB_LIST_FRM_REQUEST;
    }
}
