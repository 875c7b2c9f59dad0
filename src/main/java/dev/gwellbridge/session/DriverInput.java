package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4Endpoint;

/** What the receive threads hand to the session thread through the mailbox. */
sealed interface DriverInput
        permits DriverInput.Datagram,
                DriverInput.TcpUp,
                DriverInput.TcpFailed,
                DriverInput.TcpFrame,
                DriverInput.TcpDown,
                DriverInput.Close {

    @SuppressWarnings("ArrayRecordComponent")
    record Datagram(Ipv4Endpoint from, byte[] data) implements DriverInput {}

    record TcpUp(int id) implements DriverInput {}

    record TcpFailed(int id, String reason) implements DriverInput {}

    @SuppressWarnings("ArrayRecordComponent")
    record TcpFrame(int id, byte[] frame) implements DriverInput {}

    record TcpDown(int id) implements DriverInput {}

    /** Close the session. */
    record Close() implements DriverInput {}
}
