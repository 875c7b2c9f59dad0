package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4Endpoint;
import java.io.Closeable;
import java.io.IOException;

/**
 * The session's single UDP socket: bound once, unconnected, used for the server, the camera and the
 * relays alike (the camera learns the viewer's port from the call, so it never changes).
 *
 * <p>{@link #send} is called by the session thread only; {@link #receive} by the receive thread
 * only; {@link #close} from either, and it ends a blocked {@link #receive} with an exception.
 */
public interface UdpPort extends Closeable {

    /** A received datagram. */
    @SuppressWarnings("ArrayRecordComponent") // handed over, never compared
    record Datagram(Ipv4Endpoint from, byte[] data) {}

    /** The local port, fixed for the life of the session. */
    int localPort();

    /** Sends one datagram; a failure is reported, never hidden. */
    void send(Ipv4Endpoint to, byte[] data) throws IOException;

    /** Blocks until a datagram arrives. */
    Datagram receive() throws IOException;
}
