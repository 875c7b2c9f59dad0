package dev.gwellbridge.sim;

import java.net.InetSocketAddress;

/** A UDP datagram with the client address it came from or goes to; the bytes are not copied. */
final class Datagram {
    private final InetSocketAddress peer;
    private final byte[] bytes;

    Datagram(InetSocketAddress peer, byte[] bytes) {
        this.peer = peer;
        this.bytes = bytes;
    }

    InetSocketAddress peer() {
        return peer;
    }

    byte[] bytes() {
        return bytes;
    }
}
