package dev.gwellbridge.wire;

/**
 * PASSTHROUGH (0xB9, client ↔ server, mode 2): control commands, and data frames that carry an MTP
 * frame through the server. See {@link PassthroughCodec}.
 */
public sealed interface Passthrough extends Inner permits PassthroughControl, PassthroughData {
    /** The routing id in the ID words (proto 0x7E). */
    long routingId();

    /** The sequence number. */
    int sqnum();

    /** The camera's TID. */
    long cameraTid();

    /** The viewer's accessId. */
    long accessId();
}
