package dev.gwellbridge.wire;

/**
 * The two KCP connections of a call (GWELL-PROTOCOL.md §9.2): DATA carries video, CTRL carries
 * INITREQ/ACCEPT.
 */
public enum AvChannel {
    /** conv = linkId &amp; 0x7FFFFFFF. */
    DATA,
    /** conv = linkId | 0x80000000. */
    CTRL
}
