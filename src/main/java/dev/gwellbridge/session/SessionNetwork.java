package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.io.IOException;

/** What a session needs from the operating system: sockets and this host's address. */
public interface SessionNetwork {

    /** Opens and binds the session's UDP port (an ephemeral port on all interfaces). */
    UdpPort openUdp() throws IOException;

    /** Connects a TCP relay connection, blocking at most {@code timeoutMillis}. */
    TcpLink connect(Ipv4Endpoint to, int timeoutMillis) throws IOException;

    /**
     * The local address the operating system would use to reach {@code target} (this host's LAN
     * address towards the camera); {@link Ipv4#ANY} when it cannot tell.
     */
    Ipv4 localAddressTowards(Ipv4 target);
}
