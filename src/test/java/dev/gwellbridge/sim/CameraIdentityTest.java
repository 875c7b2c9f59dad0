package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.wire.AccessCredentials;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic camera identities: the cloud's formats, derived from the seed alone. */
class CameraIdentityTest {
    private static List<CameraIdentity> generate(long seed, int n, SimMode mode, boolean shared) {
        return CameraIdentity.generate(new SimRandom(seed).derive("identities"), n, mode, shared);
    }

    @Test
    void looksLikeWhatTheCloudHandsOut() throws Exception {
        List<CameraIdentity> ids = generate(3, 5, SimMode.LAN, false);
        assertThat(ids)
                .extracting(CameraIdentity::deviceId)
                .allMatch(d -> d.matches("GW_(GC1|GC2|WC|DUO)_[0-9A-F]{12}"));
        assertThat(ids.get(0).deviceId()).startsWith("GW_GC1_");
        assertThat(ids.get(1).deviceId()).startsWith("GW_GC2_");
        assertThat(ids.get(2).deviceId()).startsWith("GW_WC_");
        for (CameraIdentity id : ids) {
            assertThat(id.accessId()).matches("-?\\d{1,20}");
            assertThat(Long.parseLong(id.accessId())).isEqualTo(id.credentials().accessId());
            assertThat(id.accessToken().substring(0, 128)).matches("[0-9a-f]{128}");
            assertThat(Base64.getDecoder().decode(id.accessToken().substring(128)))
                    .hasSize(80);
            assertThat(AccessCredentials.parse(id.accessId(), id.accessToken())).isEqualTo(id.credentials());
            assertThat(id.credentials().extraTokenData()).hasSize(80);
            assertThat(id.tid()).isPositive();
            assertThat(id.toString()).doesNotContain(id.accessToken().substring(0, 16));
        }
        assertThat(ids).extracting(CameraIdentity::accessId).doesNotHaveDuplicates();
    }

    @Test
    void theSeedAloneDecides() {
        assertThat(generate(3, 4, SimMode.LAN, false)).isEqualTo(generate(3, 4, SimMode.LAN, false));
        assertThat(generate(4, 4, SimMode.LAN, false).get(0).deviceId())
                .isNotEqualTo(generate(3, 4, SimMode.LAN, false).get(0).deviceId());
    }

    @Test
    void relayOnlyCamerasAreDoorbellsAndASharedAccountSharesTheCredential() {
        assertThat(generate(1, 2, SimMode.RELAY_ONLY, false))
                .extracting(CameraIdentity::deviceId)
                .allMatch(d -> d.startsWith("GW_BE1_"));
        List<CameraIdentity> shared = generate(1, 3, SimMode.LAN, true);
        assertThat(shared)
                .extracting(CameraIdentity::accessToken)
                .containsOnly(shared.get(0).accessToken());
        assertThat(shared).extracting(CameraIdentity::deviceId).doesNotHaveDuplicates();
    }
}
