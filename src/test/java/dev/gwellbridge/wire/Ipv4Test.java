package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Addresses in network order, their text forms, and values that keep secrets out of logs. */
class Ipv4Test {

    @Test
    void dottedQuadsRoundTripThroughBytesAndTheJdk() {
        Ipv4 ip = Ipv4.parse("192.168.1.50");
        assertThat(ip.value()).isEqualTo(0xC0A80132);
        assertThat(ip.toBytes()).containsExactly(0xC0, 0xA8, 0x01, 0x32);
        assertThat(ip.firstOctet()).isEqualTo(192);
        assertThat(ip).hasToString("192.168.1.50");
        assertThat(Ipv4.of(ip.toInetAddress())).isEqualTo(ip);
        assertThat(Ipv4.read(new byte[] {9, (byte) 255, 0, 1}, 0)).hasToString("9.255.0.1");
        assertThat(Ipv4.ANY.isAny()).isTrue();
        assertThat(ip.isAny()).isFalse();
    }

    @Test
    void malformedAddressesAreRejected() {
        for (String bad :
                new String[] {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "a.b.c.d", "1.2.3.-4", "0001.2.3.4"}) {
            assertThatThrownBy(() -> Ipv4.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void endpointsParseAndBecomeSocketAddresses() {
        Ipv4Endpoint e = Ipv4Endpoint.parse("3.13.212.24:28800");
        assertThat(e.port()).isEqualTo(28800);
        assertThat(e).hasToString("3.13.212.24:28800");
        InetSocketAddress s = e.toSocketAddress();
        assertThat(s.getPort()).isEqualTo(28800);
        assertThat(s.getAddress().getHostAddress()).isEqualTo("3.13.212.24");
        for (String bad : new String[] {"1.2.3.4", "1.2.3.4:", "1.2.3.4:70000", "1.2.3.4:x", "1.2.3.4:123456"}) {
            assertThatThrownBy(() -> Ipv4Endpoint.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Ipv4Endpoint(Ipv4.ANY, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void octetsCompareByContentAndPrintOnlyTheirLength() {
        Octets a = Octets.of(new byte[] {1, 2, (byte) 0xAB});
        byte[] source = {1, 2, (byte) 0xAB};
        Octets b = Octets.of(source);
        source[0] = 9;
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).hasToString("Octets[3 bytes]");
        assertThat(a.hex()).isEqualTo("0102ab");
        assertThat(a.at(2)).isEqualTo(0xAB);
        assertThat(Octets.of(new byte[] {0, 1, 2, 3}, 1, 2)).isEqualTo(Octets.of(new byte[] {1, 2}));
        assertThat(Octets.empty().isEmpty()).isTrue();
        assertThat(a.toByteArray()).isNotSameAs(a.toByteArray());
    }

    @Test
    void messagesPrintNoKeyBytesAndRoutesHideTheAccessId() {
        long accessId = 0x8C1D2E3F40516273L;
        Calling c =
                new Calling(GutesRoute.access(accessId), 1, false, 2, accessId, 3, 0, Ipv4.ANY, Octets.of(new byte[] {
                    (byte) 0xD0, (byte) 0xD1, (byte) 0xD2, (byte) 0xD3, 4, 5, 6, 7
                }));
        assertThat(GutesRoute.access(accessId)).hasToString("access");
        assertThat(GutesRoute.routing(0xABCL)).hasToString("routing:abc");
        assertThat(c.toString())
                .doesNotContain("d0d1d2d3")
                .contains("Octets[8 bytes]")
                .contains("access,");
    }
}
