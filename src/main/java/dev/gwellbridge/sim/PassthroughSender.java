package dev.gwellbridge.sim;

/**
 * The server's side of PASSTHROUGH towards a viewer (GWELL-PROTOCOL.md §6.13): wraps a camera's MTP
 * frame in a 0xB9 data frame sealed with the viewer's session key and sends it from the server's
 * socket.
 */
@FunctionalInterface
interface PassthroughSender {
    void sendToViewer(CallInfo call, long cameraTid, byte[] mtpFrame, long now);
}
