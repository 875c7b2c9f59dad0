package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4Endpoint;

/**
 * A datagram a fake peer sends: UDP between endpoints, or (with {@code tcp >= 0}) bytes on TCP
 * connection {@code tcp}.
 */
@SuppressWarnings("ArrayRecordComponent")
record PeerPacket(Ipv4Endpoint from, Ipv4Endpoint to, int tcp, byte[] data) {

    static PeerPacket udp(Ipv4Endpoint from, Ipv4Endpoint to, byte[] data) {
        return new PeerPacket(from, to, -1, data);
    }

    static PeerPacket tcp(int connection, byte[] data) {
        return new PeerPacket(null, null, connection, data);
    }

    boolean isTcp() {
        return tcp >= 0;
    }
}
