package dev.gwellbridge.config;

/**
 * This add-on as the Supervisor knows it, from {@code GET /addons/self/info}.
 *
 * @param slug the full slug, repository hash included, e.g. {@code abcd1234_wyze_gwell_bridge}
 * @param hostname the container's host name on the Supervisor network
 * @param ingressEntry e.g. {@code /api/hassio_ingress/<token>}; empty when ingress is off
 * @param ingressPort the port the Supervisor's proxy connects to; 0 when not reported
 */
public record AddonInfo(String slug, String version, String hostname, String ingressEntry, int ingressPort) {

    public AddonInfo {
        slug = slug == null ? "" : slug;
        version = version == null ? "" : version;
        hostname = hostname == null ? "" : hostname;
        ingressEntry = ingressEntry == null ? "" : ingressEntry;
    }

    /**
     * The link Home Assistant opens for a device's "Visit" button: the add-on's ingress panel, as
     * {@code configuration_url} of discovered devices.
     */
    public String ingressPanelUrl() {
        return "homeassistant://hassio/ingress/" + slug;
    }
}
