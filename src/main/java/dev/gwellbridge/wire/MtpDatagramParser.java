package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client's receive algorithm for one MTP datagram (GWELL-PROTOCOL.md §8.4).
 *
 * <pre>
 * off = payload offset (6, or 14 when the header mode is non-zero)
 * if len &gt;= off + 8 and b[off] == 0 and b[off+1] in {01,02,04,06,21,24,25}:
 *     session-control prefix; off += LE16 b[off+2..off+4)
 * walk KCP segments from off (24-byte header, LE32 data length at +20):
 *     all of one conv  -&gt; the whole rest of the datagram goes to that conv's engine
 *     mixed convs      -&gt; each complete segment goes to its own conv's engine
 *     unknown conv     -&gt; dropped
 * </pre>
 *
 * <p>Like the reference, the datagram length (not the header's length field) bounds the walk, and
 * the checksum is not verified. A KCP conv whose bytes start {@code 00 01}, {@code 00 25} etc. would
 * be misread as a control prefix; the conv values in use avoid that. Stateless and thread-safe.
 */
public final class MtpDatagramParser {
    private static final int SEGMENT_HEADER = 24;
    private static final int CONTROL_PROBE = 8;

    private MtpDatagramParser() {}

    /**
     * Parses {@code buf[off..off+len)}.
     *
     * @param dataConv the DATA engine's conv
     * @param ctrlConv the CTRL engine's conv
     * @throws FrameException when the datagram is shorter than 6 bytes or does not start with 0xC0
     */
    public static MtpDatagram parse(byte[] buf, int off, int len, int dataConv, int ctrlConv) throws FrameException {
        if (len < MtpFrame.STANDARD_HEADER) {
            throw new FrameException("mtp: datagram of " + len + " bytes");
        }
        if ((buf[off] & 0xFF) != MtpFrame.MAGIC) {
            throw new FrameException("mtp: bad magic");
        }
        int flags = buf[off + 1] & 0xFF;
        int p = MtpFrameCodec.payloadOffset(flags);
        long destId = p == MtpFrame.EXTENDED_HEADER && len >= p ? Le.int64(buf, off + 6) : 0;
        Optional<MtpDatagram.ControlRef> control = Optional.empty();
        if (len >= p + CONTROL_PROBE
                && buf[off + p] == 0
                && SessionControlMessage.isControlCommand(buf[off + p + 1] & 0xFF)) {
            int length = Le.uint16(buf, off + p + 2);
            control = Optional.of(new MtpDatagram.ControlRef(buf[off + p + 1] & 0xFF, off + p, length));
            p += length;
        }
        List<MtpDatagram.SegmentRef> segments = new ArrayList<>(2);
        boolean truncated = false;
        int end = off + len;
        int s = off + p;
        while (s + SEGMENT_HEADER <= end) {
            long dataLength = Le.uint32(buf, s + 20);
            if (dataLength > end - s - SEGMENT_HEADER) {
                truncated = true;
                break;
            }
            segments.add(new MtpDatagram.SegmentRef(
                    s,
                    Le.int32(buf, s),
                    buf[s + 4] & 0xFF,
                    Le.int32(buf, s + 8),
                    Le.int32(buf, s + 12),
                    s + SEGMENT_HEADER,
                    (int) dataLength));
            s += SEGMENT_HEADER + (int) dataLength;
        }
        List<MtpDatagram.KcpRun> runs = new ArrayList<>(2);
        int dropped = 0;
        if (!segments.isEmpty()) {
            int first = segments.get(0).conv();
            boolean single = true;
            for (MtpDatagram.SegmentRef seg : segments) {
                single &= seg.conv() == first;
            }
            if (single) {
                AvChannel ch = channelOf(first, dataConv, ctrlConv);
                if (ch == null) {
                    dropped = segments.size();
                } else {
                    int start = segments.get(0).offset();
                    runs.add(new MtpDatagram.KcpRun(ch, first, start, end - start));
                }
            } else {
                for (MtpDatagram.SegmentRef seg : segments) {
                    AvChannel ch = channelOf(seg.conv(), dataConv, ctrlConv);
                    if (ch == null) {
                        dropped++;
                    } else {
                        runs.add(new MtpDatagram.KcpRun(
                                ch, seg.conv(), seg.offset(), SEGMENT_HEADER + seg.dataLength()));
                    }
                }
            }
        }
        return new MtpDatagram(flags, destId, control, segments, runs, dropped, truncated);
    }

    private static AvChannel channelOf(int conv, int dataConv, int ctrlConv) {
        if (conv == dataConv) {
            return AvChannel.DATA;
        }
        if (conv == ctrlConv) {
            return AvChannel.CTRL;
        }
        return null;
    }
}
