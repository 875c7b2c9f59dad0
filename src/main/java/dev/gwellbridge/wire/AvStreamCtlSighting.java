package dev.gwellbridge.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An AVSTREAMCTL seen in the raw PUSH segments of a received datagram, before any KCP processing
 * (GWELL-PROTOCOL.md §10.2, ACCEPT detection).
 *
 * @param command LE32 {@code [8..12)} of the segment data
 * @param streamId LE32 {@code [4..8)}
 * @param acceptKey {@code [24..56)} for an ACCEPT of at least 56 bytes, else empty
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString compare contents
public record AvStreamCtlSighting(int command, int streamId, byte[] acceptKey) {

    public AvStreamCtlSighting {
        acceptKey = acceptKey.clone();
    }

    /** Whether this is an ACCEPT (command 2). */
    public boolean isAccept() {
        return command == AvStreamCtlCommand.ACCEPT.code();
    }

    @Override
    public byte[] acceptKey() {
        return acceptKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvStreamCtlSighting s
                && s.command == command
                && s.streamId == streamId
                && Arrays.equals(s.acceptKey, acceptKey);
    }

    @Override
    public int hashCode() {
        return (command * 31 + streamId) * 31 + Arrays.hashCode(acceptKey);
    }

    @Override
    public String toString() {
        return String.format(
                "AvStreamCtlSighting[command=%d, streamId=0x%08x, acceptKey=%s]",
                command, streamId, HexFormat.of().formatHex(acceptKey));
    }
}
