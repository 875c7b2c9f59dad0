package dev.gwellbridge.sim;

/** How the simulated cameras can be reached. */
public enum SimMode {
    /**
     * Cameras on the LAN: CALLING ACK and MTP_RES_RESPONSE give each camera's own UDP port; a TCP
     * relay through the server works too.
     */
    LAN,
    /**
     * Relay-only cameras (like GW_BE1): CALLING ACK says 0.0.0.0:0, no MTP_RES_RESPONSE; the camera
     * is reached through a TCP relay connection to the server's port (and PASSTHROUGH), its UDP
     * port stays silent.
     */
    RELAY_ONLY
}
