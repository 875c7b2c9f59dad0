package dev.gwellbridge.session;

import dev.gwellbridge.wire.Ipv4Endpoint;

/**
 * Something the state machine asks its driver to do on the network. Byte arrays belong to the
 * action: the machine never touches them again.
 */
public sealed interface SessionAction
        permits SessionAction.SendDatagram, SessionAction.ConnectTcp, SessionAction.SendTcp, SessionAction.CloseTcp {

    /** Send one UDP datagram from the session's single local port. */
    @SuppressWarnings("ArrayRecordComponent") // handed over, never compared
    record SendDatagram(Ipv4Endpoint to, byte[] data) implements SessionAction {}

    /**
     * Open TCP connection {@code id} to a relay (5 s connect timeout); report the outcome with
     * {@link SessionMachine#onTcpConnected} or {@link SessionMachine#onTcpFailed}, then feed every
     * MTP frame read from it to {@link SessionMachine#onTcpFrame}.
     */
    record ConnectTcp(int id, Ipv4Endpoint to) implements SessionAction {}

    /** Write bytes (one or more whole MTP frames) on connection {@code id}. */
    @SuppressWarnings("ArrayRecordComponent") // handed over, never compared
    record SendTcp(int id, byte[] data) implements SessionAction {}

    /** Close connection {@code id}, or abandon its connect attempt. */
    record CloseTcp(int id) implements SessionAction {}
}
