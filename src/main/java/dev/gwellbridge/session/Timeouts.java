package dev.gwellbridge.session;

/**
 * Every timeout, interval and count of the client session (GWELL-PROTOCOL.md §11.8), in one place.
 * The phases leave as soon as the answer they wait for has arrived; these values are the upper
 * bounds they wait when nothing comes.
 */
final class Timeouts {
    /** List server answer window (all list servers are asked at once). */
    static final long LIST_SERVER_WAIT = 2_000;
    /** Per probed P2P server. */
    static final long SERVER_PROBE_WAIT = 2_000;
    /** One CertifyResp read. */
    static final long CERTIFY_READ = 5_000;
    /** Reads of a CertifyResp before giving up. */
    static final int CERTIFY_MAX_READS = 3;
    /** One init-info read. */
    static final long INIT_INFO_READ = 3_000;
    /**
     * InitInfoMsg is sent again after this long without a device list: a lost request or list would
     * otherwise fail the session with device_not_found (the reference sends it once).
     */
    static final long INIT_INFO_RESEND = 1_000;
    /** InitInfoMsg repeats at most. */
    static final int INIT_INFO_RESENDS = 4;
    /** Frames read in init-info. */
    static final int INIT_INFO_MAX_FRAMES = 10;
    /** One Subscribe response read. */
    static final long SUBSCRIBE_READ = 3_000;
    /** Frames read in subscribe. */
    static final int SUBSCRIBE_MAX_FRAMES = 5;
    /** One CALLING response read. */
    static final long CALLING_READ = 3_000;
    /**
     * CALLING is sent again, unchanged, after this long without an ACK or MTP_RES_RESPONSE: a lost
     * CALLING never reaches the camera (the reference sends it once). Same linkId, so the repeat is
     * indistinguishable from a duplicated datagram.
     */
    static final long CALLING_RESEND = 1_000;
    /** CALLING repeats at most. */
    static final int CALLING_RESENDS = 2;
    /** Frames read in calling. */
    static final int CALLING_MAX_FRAMES = 20;
    /** After a CALLING ACK of 0.0.0.0: how long a late MTP_RES_RESPONSE may still come. */
    static final long CALLING_RELAY_ONLY_GRACE = 500;
    /** Probe-and-wait iteration. */
    static final long PROBE_ITERATION = 400;
    /** Probe-and-wait iterations at most. */
    static final int PROBE_MAX_ITERATIONS = 30;
    /** Re-probe every this many iterations. */
    static final int PROBE_REPEAT_EVERY = 3;
    /** Leave probe-and-wait this long after the camera was first heard. */
    static final long PROBE_AFTER_HEARD = 3_000;
    /** Session-socket activation rounds. */
    static final int SESSION_SOCKET_ROUNDS = 10;
    /** Between session-socket rounds. */
    static final long SESSION_SOCKET_INTERVAL = 400;
    /** First TCP relay round after MTP_RES_REQUEST when relays are listed. */
    static final long TCP_RELAY_FIRST = 200;
    /** Between TCP relay rounds. */
    static final long TCP_RELAY_INTERVAL = 1_000;
    /** TCP relay rounds at most. */
    static final int TCP_RELAY_ROUNDS = 30;
    /** TCP connect timeout (enforced by the driver). */
    static final long TCP_CONNECT = 5_000;
    /** Re-registration on the server's TCP fallback connection until streaming. */
    static final long TCP_REREGISTER = 3_000;
    /** Wait for the TCP relay when there is no LAN candidate. */
    static final long WAIT_TCP_RELAY = 5_000;
    /** Pause after PASSTHROUGH control on a relay path. */
    static final long PASSTHROUGH_PAUSE = 200;
    /** INITREQ retry spacing. */
    static final long INITREQ_SPACING = 200;
    /** INITREQ loop bound. */
    static final long INITREQ_TOTAL = 60_000;
    /** Heartbeat every this many INITREQ tries. */
    static final int INITREQ_HEARTBEAT_EVERY = 5;
    /** Own meter request while streaming. */
    static final long METER = 2_000;
    /** 0xCA sub-3 "online" keepalive to the server. */
    static final long ONLINE_KEEPALIVE = 10_000;
    /** Heartbeat to the server while streaming. */
    static final long HEARTBEAT = 40_000;
    /** Fork: INITREQ renewal. */
    static final long INITREQ_RENEWAL = 15_000;
    /** Fork: relay re-registration. */
    static final long RELAY_REREGISTER = 10_000;
    /** Statistics report. */
    static final long STATS = 30_000;

    private Timeouts() {}
}
