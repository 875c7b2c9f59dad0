package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.wire.Ipv4;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small public types of the session layer. */
class ValueTypesTest {

    @Test
    void theDefaultLanFilterAcceptsTenAndOneNineTwoOneSixEightOnly() {
        LanFilter f = LanFilter.defaults();
        assertThat(f.accepts(Ipv4.parse("10.1.2.3"))).isTrue();
        assertThat(f.accepts(Ipv4.parse("192.168.1.50"))).isTrue();
        assertThat(f.accepts(Ipv4.parse("172.17.0.2"))).as("Docker bridge").isFalse();
        assertThat(f.accepts(Ipv4.parse("127.0.0.1"))).isFalse();
        assertThat(f.accepts(Ipv4.parse("3.13.212.24"))).isFalse();
        assertThat(f.allowsLoopback()).isFalse();
        assertThat(f.allowingLoopback().accepts(Ipv4.parse("127.0.0.1"))).isTrue();
        assertThat(f.allowingLoopback()).hasToString("10.0.0.0/8, 192.168.0.0/16, loopback");
    }

    @Test
    void lanRangesAreConfigurable() {
        LanFilter f = LanFilter.of(List.of("172.20.0.0/16", "192.0.2.7", "0.0.0.0/0"), false);
        assertThat(f.accepts(Ipv4.parse("172.20.9.9"))).isTrue();
        assertThat(f.accepts(Ipv4.parse("8.8.8.8"))).isTrue();
        assertThat(LanFilter.of(List.of("192.0.2.7"), false).accepts(Ipv4.parse("192.0.2.8")))
                .isFalse();
        assertThatThrownBy(() -> LanFilter.of(List.of("10.0.0.0/33"), false))
                .hasMessageContaining("10.0.0.0/33")
                .hasMessageContaining("0..32");
        assertThatThrownBy(() -> LanFilter.of(List.of("ten/8"), false)).hasMessageContaining("'ten/8'");
    }

    @Test
    void randomEntropyDrawsUsableValues() {
        SessionEntropy e = SessionEntropy.from(new SplittableRandom(1));
        for (int i = 0; i < 1_000; i++) {
            int link = e.linkId();
            assertThat(link & 0x7FFF_FFFF).isNotZero();
            assertThat(link & 0xFF).isNotZero();
            assertThat(e.streamId()).isNotZero();
            assertThat(e.flagBits() & ~0xFFFE).isZero();
        }
        assertThat(e.sessionKey()).hasSize(32);
        assertThat(e.nonce()).hasSize(12);
        assertThat(e.mtpKey()).hasSize(8);
        assertThat(e.detectReq2().body().length()).isEqualTo(40);
        assertThat(e.listFrmRequest().body().length()).isEqualTo(16);
    }

    @Test
    void configAndSettingsRefuseNonsense() {
        assertThatThrownBy(() -> Harness.lanConfig().localPort(70_000).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> Harness.lanConfig().stallTimeoutMillis(-1).build())
                .hasMessageContaining("stall");
        assertThatThrownBy(() -> ConnectorSettings.DEFAULT.withStallTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("stall");
        assertThat(ConnectorSettings.DEFAULT.withP2pServer("  ").p2pServer()).isEmpty();
        assertThat(ConnectorSettings.DEFAULT.withP2pServer(" 1.2.3.4:5 ").p2pServer())
                .contains("1.2.3.4:5");
        assertThat(ConnectorSettings.DEFAULT
                        .withFeatures(ForkFeatures.REFERENCE)
                        .features())
                .isEqualTo(ForkFeatures.REFERENCE);
    }

    @Test
    void statsMapToTheSeamsConnectionStats() {
        SessionStats s = new SessionStats(Transport.TCP_RELAY, 10, 20, 3, 4, 5, 6, 7, 8, 0).withSendFailures(2);
        assertThat(s.sendFailures()).isEqualTo(2);
        assertThat(s.toConnectionStats().transport()).isEqualTo(Transport.TCP_RELAY);
        assertThat(s.toConnectionStats().h264Bytes()).isEqualTo(10);
        assertThat(s.toConnectionStats().retransmits()).isEqualTo(4);
        assertThat(s.toConnectionStats().malformed()).isEqualTo(3);
    }

    @Test
    void everyPhaseHasALowercaseLabel() {
        for (SessionPhase p : SessionPhase.values()) {
            assertThat(p.label()).matches("[a-z-]+");
        }
    }

    @Test
    void theMachineRefusesASecondStartAndIgnoresInputAfterItsEnd() {
        Harness h = Harness.lan().start();
        assertThatThrownBy(() -> h.machine.start(h.now)).isInstanceOf(IllegalStateException.class);
        h.machine.close(h.now);
        h.drainMachine();
        long packets = h.machine.stats().packetsIn();
        h.machine.onDatagram(Harness.SERVER, new byte[30], h.now);
        h.machine.onTcpFrame(1, new byte[10], h.now);
        h.machine.onTcpConnected(1, h.now);
        h.machine.onTcpFailed(1, "x", h.now);
        h.machine.onTcpClosed(1, h.now);
        h.machine.onTick(h.now);
        h.machine.close(h.now);

        assertThat(h.machine.ended()).isTrue();
        assertThat(h.machine.stats().packetsIn()).isEqualTo(packets);
        assertThat(h.machine.nextWakeup()).isEqualTo(Long.MAX_VALUE);
        assertThat(h.machine.takeEvents()).isEmpty();
        assertThat(h.ended().reason()).isNull();
    }

    @Test
    void discoveryCacheForgetsAfterItsValidityAndOnRequest() throws Exception {
        DiscoveryCache c = new DiscoveryCache(1_000);
        c.store(7L, Harness.SERVER, List.of(), 5_000);
        assertThat(c.current(7L, 5_999)).isNotNull();
        assertThat(c.current(7L, 6_000)).isNull();
        assertThat(c.devicesFrom(7L, Harness.CAMERA)).isEmpty();
        c.invalidate();
        assertThat(c.current(7L, 5_000)).isNull();
        assertThat(c.lock(() -> false)).isTrue();
        Thread other = new Thread(() -> {
            try {
                assertThat(c.lock(() -> true)).isFalse();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        other.join();
        c.unlock();
    }
}
