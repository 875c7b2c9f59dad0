package dev.gwellbridge.kcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The KCP segment codec over random field values (GWELL-PROTOCOL.md §9.1). */
class KcpSegmentCodecPropertiesTest {

    @Property
    void decodesWhatItEncodes(
            @ForAll int conv,
            @ForAll @IntRange(min = 81, max = 84) int cmd,
            @ForAll @IntRange(min = 0, max = 255) int frg,
            @ForAll @IntRange(min = 0, max = 0xFFFF) int wnd,
            @ForAll int ts,
            @ForAll int sn,
            @ForAll int una,
            @ForAll @Size(max = 1500) byte[] data)
            throws KcpFormatException {
        KcpSegment s = new KcpSegment(conv, cmd, frg, wnd, ts, sn, una, data);
        byte[] wire = KcpSegmentCodec.encode(s);
        assertThat(wire).hasSize(KcpSegment.IKCP_OVERHEAD + data.length);
        assertThat(KcpSegmentCodec.decode(wire, 0, wire.length)).isEqualTo(s);
    }

    @Property
    void decodesBackToBackSegments(
            @ForAll int conv,
            @ForAll @Size(max = 300) byte[] first,
            @ForAll @Size(max = 300) byte[] second,
            @ForAll int sn)
            throws KcpFormatException {
        KcpSegment a = new KcpSegment(conv, KcpSegment.IKCP_CMD_PUSH, 1, 128, 5, sn, 0, first);
        KcpSegment b = new KcpSegment(conv, KcpSegment.IKCP_CMD_PUSH, 0, 128, 5, sn + 1, 0, second);
        byte[] wire = new byte[a.encodedLength() + b.encodedLength()];
        int n = KcpSegmentCodec.encode(a, wire, 0);
        KcpSegmentCodec.encode(b, wire, n);
        assertThat(KcpSegmentCodec.decodeAll(wire, 0, wire.length)).isEqualTo(List.of(a, b));
    }
}
