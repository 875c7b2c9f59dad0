package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which camera addresses count as "on the LAN" (GWELL-PROTOCOL.md §11.5): only an address that
 * passes may become the single destination of KCP output, and only such a source is remembered as
 * a LAN candidate.
 *
 * <p>The default accepts 10.0.0.0/8 and 192.168.0.0/16. 172.16.0.0/12 is left out on purpose:
 * Docker bridge addresses fall in it and cannot reach a camera. Loopback is accepted only when
 * explicitly allowed (tests, the demo). Immutable.
 */
public final class LanFilter {
    private static final Range LOOPBACK = Range.parse("127.0.0.0/8");

    private final List<Range> ranges;
    private final boolean loopback;

    private LanFilter(List<Range> ranges, boolean loopback) {
        this.ranges = List.copyOf(ranges);
        this.loopback = loopback;
    }

    /** 10/8 and 192.168/16, no loopback. */
    public static LanFilter defaults() {
        return of(List.of("10.0.0.0/8", "192.168.0.0/16"), false);
    }

    /**
     * A filter from CIDR ranges such as {@code 172.20.0.0/16}.
     *
     * @throws IllegalArgumentException naming the range that does not parse
     */
    public static LanFilter of(List<String> cidrs, boolean allowLoopback) {
        List<Range> parsed = new ArrayList<>();
        for (String c : cidrs) {
            parsed.add(Range.parse(c));
        }
        return new LanFilter(parsed, allowLoopback);
    }

    /** The same ranges, with loopback accepted too. */
    public LanFilter allowingLoopback() {
        return new LanFilter(ranges, true);
    }

    /** Whether loopback addresses are accepted. */
    public boolean allowsLoopback() {
        return loopback;
    }

    /** Whether {@code ip} counts as a LAN address. */
    public boolean accepts(Ipv4 ip) {
        if (loopback && LOOPBACK.contains(ip)) {
            return true;
        }
        for (Range r : ranges) {
            if (r.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(", ")) + (loopback ? ", loopback" : "");
    }

    /** One CIDR block. */
    private record Range(int base, int prefix) {
        static Range parse(String cidr) {
            String text = cidr.trim();
            int slash = text.indexOf('/');
            Ipv4 ip;
            int prefix;
            try {
                ip = Ipv4.parse(slash < 0 ? text : text.substring(0, slash));
                prefix = slash < 0 ? 32 : Integer.parseInt(text.substring(slash + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("LAN range '" + cidr + "' is not like 192.168.0.0/16", e);
            }
            if (prefix < 0 || prefix > 32) {
                throw new IllegalArgumentException("LAN range '" + cidr + "': the prefix must be 0..32");
            }
            return new Range(ip.value() & mask(prefix), prefix);
        }

        static int mask(int prefix) {
            return prefix == 0 ? 0 : -1 << (32 - prefix);
        }

        boolean contains(Ipv4 ip) {
            return (ip.value() & mask(prefix)) == base;
        }

        @Override
        public String toString() {
            return new Ipv4(base) + "/" + prefix;
        }
    }
}
