package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.config.SupervisorResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvertiseHostTest {

    private static InetAddress ip(String s) throws UnknownHostException {
        return InetAddress.getByName(s);
    }

    @Test
    void theOptionWins() throws UnknownHostException {
        assertThat(AdvertiseHost.choose(
                        " nas.lan ", Optional.of(() -> SupervisorResult.of("192.168.1.5")), List.of(ip("10.0.0.2"))))
                .isEqualTo("nas.lan");
    }

    @Test
    void thenTheSupervisorsPrimaryAddress() throws UnknownHostException {
        assertThat(AdvertiseHost.choose(
                        "", Optional.of(() -> SupervisorResult.of("192.168.1.5")), List.of(ip("10.0.0.2"))))
                .isEqualTo("192.168.1.5");
    }

    @Test
    void thenThePrivateIpv4OfAnInterfaceSkippingPublicAndIpv6() throws UnknownHostException {
        assertThat(AdvertiseHost.choose(
                        "",
                        Optional.of(() -> SupervisorResult.failed("no Supervisor")),
                        List.of(ip("fe80::1"), ip("8.8.8.8"), ip("192.168.7.9"))))
                .isEqualTo("192.168.7.9");
    }

    @Test
    void elseLoopback() {
        assertThat(AdvertiseHost.choose("", Optional.empty(), List.of())).isEqualTo("127.0.0.1");
    }
}
