package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Rc5x32;
import java.net.InetSocketAddress;

/**
 * What the server hands a camera when a client calls it (GWELL-PROTOCOL.md §6.7, §13.1): a real
 * server forwards CALLING; the simulator shares the values in process.
 *
 * @param linkId the call's linkId (KCP convs derive from it)
 * @param mtpKey the RC5-32 schedule of the 8-byte MTP key
 * @param accessId the caller's accessId
 * @param routingId the caller's routing id on the server
 * @param sessionKey the caller's GUTES session key (for PASSTHROUGH frames back to it)
 * @param client the caller's UDP address as the server sees it
 */
record CallInfo(int linkId, Rc5x32 mtpKey, long accessId, long routingId, Rc5x32 sessionKey, InetSocketAddress client) {
    @Override
    public String toString() {
        return "CallInfo[linkId=" + Integer.toHexString(linkId) + ", client=" + client + "]";
    }
}
