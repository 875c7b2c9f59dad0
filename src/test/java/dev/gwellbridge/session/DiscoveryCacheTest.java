package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryCacheTest {
    private static final Ipv4Endpoint SERVER = Ipv4Endpoint.parse("3.13.212.24:28800");
    private static final DeviceEntry FRONT = new DeviceEntry(0x1111L, 0, 0, "GW_GC1_0A1B2C3D4E5F");
    private static final DeviceEntry BACK = new DeviceEntry(0x2222L, 0, 0, "GW_WC_0A1B2C3D4E60");

    @Test
    void aDeviceListIsNeverHandedToAnotherAccount() {
        DiscoveryCache cache = new DiscoveryCache(60_000);
        cache.store(101L, SERVER, List.of(FRONT), 1_000);

        assertThat(cache.current(101L, 2_000).devices()).containsExactly(FRONT);
        // The server is shared; the other account gets no pre-supplied list and uses its own 0xA7.
        assertThat(cache.current(202L, 2_000).server()).isEqualTo(SERVER);
        assertThat(cache.current(202L, 2_000).devices()).isEmpty();
        assertThat(cache.devicesFrom(202L, SERVER)).isEmpty();

        cache.store(202L, SERVER, List.of(BACK), 3_000);
        assertThat(cache.devicesFrom(101L, SERVER)).containsExactly(FRONT);
        assertThat(cache.devicesFrom(202L, SERVER)).containsExactly(BACK);
    }

    @Test
    void anotherServerOrExpiryOrInvalidationForgetsTheLists() {
        DiscoveryCache cache = new DiscoveryCache(60_000);
        cache.store(101L, SERVER, List.of(FRONT), 1_000);
        assertThat(cache.current(101L, 61_000)).isNull();

        Ipv4Endpoint other = Ipv4Endpoint.parse("52.201.137.206:28800");
        cache.store(202L, other, List.of(BACK), 2_000);
        assertThat(cache.devicesFrom(101L, other)).isEmpty();
        assertThat(cache.devicesFrom(101L, SERVER)).isEmpty();

        cache.invalidate();
        assertThat(cache.current(202L, 2_001)).isNull();
    }

    @Test
    void anEmptyListDoesNotOverwriteAKnownOne() {
        DiscoveryCache cache = new DiscoveryCache(60_000);
        cache.store(101L, SERVER, List.of(FRONT), 1_000);
        cache.store(101L, SERVER, List.of(), 2_000);
        assertThat(cache.devicesFrom(101L, SERVER)).containsExactly(FRONT);
    }
}
