package dev.gwellbridge.sim;

import java.net.InetSocketAddress;

/** How a camera's MTP frames reach the viewer. */
sealed interface ViewerPath {
    /** Straight to the viewer's UDP socket (LAN). */
    record Udp(InetSocketAddress address) implements ViewerPath {}

    /** Over a TCP relay connection accepted on the server's port. */
    record Relay(RelayLink link) implements ViewerPath {}

    /** Wrapped in a PASSTHROUGH data frame that the server sends to the viewer's server socket. */
    record Passthrough(InetSocketAddress client) implements ViewerPath {}
}
