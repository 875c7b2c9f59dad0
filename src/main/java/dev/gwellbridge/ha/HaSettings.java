package dev.gwellbridge.ha;

import java.util.Objects;
import java.util.Optional;

/**
 * What the mapping needs besides camera state.
 *
 * @param topics base topic and discovery prefix
 * @param version the bridge's version, published as {@code sw_version}
 * @param supportUrl where users report problems ({@code origin.support_url})
 * @param ingressSlug the add-on's full slug ({@code abcd1234_wyze_gwell_bridge}) for the
 *     {@code configuration_url}; empty when unknown (outside the add-on)
 */
public record HaSettings(Topics topics, String version, String supportUrl, String ingressSlug) {
    /** The project's issue tracker. */
    public static final String SUPPORT_URL = "https://github.com/gwell-bridge/gwell-bridge/issues";

    public HaSettings {
        Objects.requireNonNull(topics, "topics");
        version = version == null || version.isBlank() ? "dev" : version;
        supportUrl = supportUrl == null ? "" : supportUrl;
        ingressSlug = ingressSlug == null ? "" : ingressSlug.trim();
    }

    /** The ingress panel link, when the slug is known. */
    public Optional<String> configurationUrl() {
        return ingressSlug.isEmpty() ? Optional.empty() : Optional.of("homeassistant://hassio/ingress/" + ingressSlug);
    }
}
