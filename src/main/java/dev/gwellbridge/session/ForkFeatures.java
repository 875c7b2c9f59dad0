package dev.gwellbridge.session;

/**
 * Switches for the later fork's additions (GWELL-PROTOCOL.md §15 items 4, 8, 9). All three are on
 * in {@link #FORK}, the default: the fork is the later and better-tested client.
 *
 * @param initReqRenewal send the INITREQ again through the CTRL engine every 15 s while streaming
 *     (suspected to be needed by doorbell-lineage firmware)
 * @param passthroughCopies on a relay path, also wrap every control send (create-KCP, hand-made
 *     INITREQ segments, meter requests and acks) in a PASSTHROUGH data frame to the server
 * @param relayReRegistration while streaming, re-register with every known UDP relay every 10 s
 */
public record ForkFeatures(boolean initReqRenewal, boolean passthroughCopies, boolean relayReRegistration) {
    /** The fork's behaviour: everything on. */
    public static final ForkFeatures FORK = new ForkFeatures(true, true, true);

    /** The reference's behaviour: everything off. */
    public static final ForkFeatures REFERENCE = new ForkFeatures(false, false, false);
}
