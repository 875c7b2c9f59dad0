package dev.gwellbridge.wire;

/**
 * PASSTHROUGH data (52 + n bytes): an opaque inner byte array, in practice one MTP frame.
 *
 * @param routingId routing id
 * @param sqnum sequence number
 * @param cameraTid camera TID
 * @param accessId viewer's accessId
 * @param messageId message id (the fork uses the linkId)
 * @param payload the inner frame, 1..65483 bytes
 */
public record PassthroughData(long routingId, int sqnum, long cameraTid, long accessId, int messageId, Octets payload)
        implements Passthrough {
    /** Largest payload that fits the 16-bit frame length. */
    public static final int MAX_PAYLOAD = 0xFFFF - 52;

    public PassthroughData {
        if (payload.isEmpty() || payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload must be 1.." + MAX_PAYLOAD + " bytes");
        }
    }
}
