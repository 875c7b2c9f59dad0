package dev.gwellbridge.session;

/**
 * The steps of a client session (GWELL-PROTOCOL.md §11.1), in the order they are reached. The
 * {@link #label()} is what {@link dev.gwellbridge.camera.StreamHandler#onPhase} receives.
 */
public enum SessionPhase {
    /** Phase 1: choosing the P2P server (configured, cached or probed). */
    CONNECT("connect"),
    /** Phase 2: CertifyReq / CertifyResp. */
    CERTIFY("certify"),
    /** Phase 3: InitInfoMsg; routing id and device list. */
    INIT_INFO("init-info"),
    /** Phase 4: NetworkDetect (only with a camera LAN IP). */
    NETWORK_DETECT("network-detect"),
    /** Phase 5: Subscribe. */
    SUBSCRIBE("subscribe"),
    /** Phase 6: CALLING, CALLING ACK, MTP_RES_RESPONSE. */
    CALLING("calling"),
    /** Phase 6b: relay activation, probe and wait, transport selection. */
    TRANSPORT("transport"),
    /** Phase 7a: the INITREQ loop. */
    INITREQ("initreq"),
    /** Phase 7c: video flows. */
    STREAMING("streaming");

    private final String label;

    SessionPhase(String label) {
        this.label = label;
    }

    /** The lowercase name used in logs, diagnostics and the probe summary. */
    public String label() {
        return label;
    }
}
