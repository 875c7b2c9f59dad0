package dev.gwellbridge.wire;

import java.util.List;
import java.util.Optional;

/**
 * What {@link MtpDatagramParser} found in one received MTP datagram (GWELL-PROTOCOL.md §8.4).
 * Offsets refer to the caller's buffer, which must stay unchanged while this view is used.
 *
 * @param flags byte 1 of the header
 * @param destId LE64 destination id of an extended header, 0 otherwise (or when the datagram is too
 *     short to hold it)
 * @param control the session-control prefix, if the payload starts with one
 * @param segments every complete KCP segment header walked, whatever its conv
 * @param runs what to feed to which KCP engine: one run for a single-conv datagram, one per segment
 *     when convs are mixed; unknown convs are left out
 * @param droppedSegments complete segments of an unknown conv
 * @param truncatedTail whether the walk stopped at a segment whose length runs past the datagram
 */
public record MtpDatagram(
        int flags,
        long destId,
        Optional<ControlRef> control,
        List<SegmentRef> segments,
        List<KcpRun> runs,
        int droppedSegments,
        boolean truncatedTail) {

    public MtpDatagram {
        segments = List.copyOf(segments);
        runs = List.copyOf(runs);
    }

    /** Whether the header is the 14-byte extended one. */
    public boolean extended() {
        return MtpFrame.isExtended(flags);
    }

    /**
     * Where the session-control prefix sits.
     *
     * @param command byte 1 of the message
     * @param offset absolute offset of the message in the buffer
     * @param length the LE16 length field (the receiver skips this many bytes; not checked)
     */
    public record ControlRef(int command, int offset, int length) {}

    /**
     * One complete KCP segment (24-byte header plus data) inside the datagram.
     *
     * @param offset absolute offset of the segment header
     * @param conv LE32 conv
     * @param cmd KCP command (81 PUSH, 82 ACK, 83 WASK, 84 WINS; others are possible in bad input)
     * @param ts LE32 ts
     * @param sn LE32 sn
     * @param dataOffset absolute offset of the segment data
     * @param dataLength length of the segment data
     */
    public record SegmentRef(int offset, int conv, int cmd, int ts, int sn, int dataOffset, int dataLength) {
        /** KCP PUSH command. */
        public static final int CMD_PUSH = 81;

        public boolean isPush() {
            return cmd == CMD_PUSH;
        }
    }

    /**
     * Bytes to hand to one KCP engine's input.
     *
     * @param channel which engine
     * @param conv its conv
     * @param offset absolute offset of the first segment
     * @param length bytes from there
     */
    public record KcpRun(AvChannel channel, int conv, int offset, int length) {}
}
