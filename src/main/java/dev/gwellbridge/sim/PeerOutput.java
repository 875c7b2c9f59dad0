package dev.gwellbridge.sim;

import java.net.InetSocketAddress;

/**
 * Where the simulated peers' traffic leaves the sans-IO core: the real sockets in {@link
 * SimulatorLoop}, a recorder in unit tests.
 */
interface PeerOutput {
    /** Socket number of the server's UDP socket; cameras are numbered from 0. */
    int SERVER = -1;

    /** Sends one datagram from socket {@code socket} (a camera index or {@link #SERVER}). */
    void udp(int socket, InetSocketAddress to, byte[] datagram);

    /** Writes bytes to a TCP relay connection. */
    void tcp(RelayLink link, byte[] bytes);

    /** Closes a TCP relay connection. */
    void close(RelayLink link);
}
