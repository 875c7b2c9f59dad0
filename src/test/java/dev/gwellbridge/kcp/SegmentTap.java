package dev.gwellbridge.kcp;

import java.util.ArrayList;
import java.util.List;

/** Records every output buffer of an engine as decoded segments, with the time of the call. */
final class SegmentTap implements KcpOutput {
    record Sent(long at, KcpSegment segment) {}

    final List<Sent> sent = new ArrayList<>();
    final List<byte[]> buffers = new ArrayList<>();
    long now;

    @Override
    public void output(byte[] buf, int len) {
        byte[] copy = java.util.Arrays.copyOf(buf, len);
        buffers.add(copy);
        try {
            for (KcpSegment s : KcpSegmentCodec.decodeAll(copy, 0, len)) {
                sent.add(new Sent(now, s));
            }
        } catch (KcpFormatException e) {
            throw new AssertionError("engine produced an undecodable buffer", e);
        }
    }

    List<Sent> withCmd(int cmd) {
        return sent.stream().filter(s -> s.segment().cmd() == cmd).toList();
    }

    void clear() {
        sent.clear();
        buffers.clear();
    }
}
