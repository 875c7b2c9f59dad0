package dev.gwellbridge.session;

/** What a session is for. */
public enum SessionMode {
    /** The whole call: all phases, then video until closed. */
    CAMERA,
    /**
     * The short discovery session of GWELL-PROTOCOL.md §11.9: connect, certify and init-info only,
     * to learn a working server address and the account's device list.
     */
    DISCOVERY
}
