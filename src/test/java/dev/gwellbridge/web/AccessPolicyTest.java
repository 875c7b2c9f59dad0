package dev.gwellbridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private final AccessPolicy addon = new AccessPolicy(List.of("172.30.32.2", "192.168.1.20", "fd00::5"), false);

    @Test
    void admitsOnlyListedPeers() {
        assertThat(addon.admits("172.30.32.2", false)).isTrue();
        assertThat(addon.admits("192.168.1.20", false)).isTrue();
        assertThat(addon.admits("[fd00:0:0:0:0:0:0:5]", false)).isTrue();
        assertThat(addon.admits("::ffff:172.30.32.2", false)).isTrue();
        assertThat(addon.admits("192.168.1.21", false)).isFalse();
        assertThat(addon.admits("172.30.32.1", false)).isFalse();
        assertThat(addon.admits("", false)).isFalse();
        assertThat(addon.admits(null, false)).isFalse();
        assertThat(addon.admits("localhost", true)).isFalse();
    }

    @Test
    void loopbackNeedsTheSwitchExceptForHealthz() {
        assertThat(addon.admits("127.0.0.1", false)).isFalse();
        assertThat(addon.admits("[::1]", false)).isFalse();
        assertThat(addon.admits("127.0.0.1", true)).isTrue();
        assertThat(addon.admits("0:0:0:0:0:0:0:1", true)).isTrue();
        AccessPolicy dev = new AccessPolicy(List.of("172.30.32.2"), true);
        assertThat(dev.admits("127.0.0.1", false)).isTrue();
        assertThat(dev.admits("[::1]", false)).isTrue();
        assertThat(dev.admits("10.0.0.1", false)).isFalse();
    }

    @Test
    void allowlistEntriesMustBeIpLiterals() {
        assertThatThrownBy(() -> new AccessPolicy(List.of("homeassistant.local"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("web_allow")
                .hasMessageContaining("homeassistant.local");
    }

    @Test
    void writesNeedJsonFromTheSameOrigin() {
        assertThat(AccessPolicy.refuseWrite("application/json", null, null, "h:8097", null))
                .isEmpty();
        assertThat(AccessPolicy.refuseWrite(
                        "Application/JSON; charset=UTF-8", "http://h:8097", "same-origin", "h:8097", null))
                .isEmpty();
        assertThat(AccessPolicy.refuseWrite("text/plain", null, null, "h:8097", null))
                .hasValueSatisfying(w -> assertThat(w).contains("application/json"));
        assertThat(AccessPolicy.refuseWrite(null, null, null, "h:8097", null)).isPresent();
        assertThat(AccessPolicy.refuseWrite("application/json", "http://evil.example", null, "h:8097", null))
                .hasValueSatisfying(w -> assertThat(w).contains("origin"));
        assertThat(AccessPolicy.refuseWrite("application/json", null, "cross-site", "h:8097", null))
                .hasValueSatisfying(w -> assertThat(w).contains("cross-site"));
        assertThat(AccessPolicy.refuseWrite("application/json", "null", null, "h:8097", null))
                .isPresent();
    }

    @Test
    void theOriginIsComparedWithTheForwardedHostOrTheHost() {
        assertThat(AccessPolicy.sameOrigin("https://ha.example.org", "172.30.32.1:8097", "ha.example.org"))
                .isTrue();
        assertThat(AccessPolicy.sameOrigin("https://ha.example.org:8123", null, "ha.example.org:8123"))
                .isTrue();
        assertThat(AccessPolicy.sameOrigin("http://HA.local:8123", "ha.local:8123", null))
                .isTrue();
        assertThat(AccessPolicy.sameOrigin("http://ha.local", "ha.local:80", null))
                .isTrue();
        assertThat(AccessPolicy.sameOrigin("http://[::1]:8097", "[::1]:8097", null))
                .isTrue();
        assertThat(AccessPolicy.sameOrigin("https://ha.example.org", "h", "proxy.example, ha.example.org"))
                .isTrue();

        assertThat(AccessPolicy.sameOrigin("https://ha.example.org:8443", null, "ha.example.org"))
                .isFalse();
        assertThat(AccessPolicy.sameOrigin("http://ha.local:8124", "ha.local:8123", null))
                .isFalse();
        assertThat(AccessPolicy.sameOrigin("http://evil.example", "ha.local", "ha.local"))
                .isFalse();
        assertThat(AccessPolicy.sameOrigin("http://ha.local.evil.example", "ha.local", null))
                .isFalse();
        assertThat(AccessPolicy.sameOrigin("not a url", "ha.local", null)).isFalse();
        assertThat(AccessPolicy.sameOrigin("http://ha.local", null, null)).isFalse();
    }
}
