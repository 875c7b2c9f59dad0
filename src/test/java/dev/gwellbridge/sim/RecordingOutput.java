package dev.gwellbridge.sim;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A {@link PeerOutput} that keeps everything the simulator sends, for unit tests. */
final class RecordingOutput implements PeerOutput {
    /** One datagram or TCP write; compared by identity, never by content. */
    @SuppressWarnings("ArrayRecordComponent")
    record Sent(int socket, InetSocketAddress to, RelayLink link, byte[] bytes) {
        boolean fromServer() {
            return link == null && socket == SERVER;
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<RelayLink> closed = new ArrayList<>();

    @Override
    public void udp(int socket, InetSocketAddress to, byte[] datagram) {
        sent.add(new Sent(socket, to, null, datagram.clone()));
    }

    @Override
    public void tcp(RelayLink link, byte[] bytes) {
        sent.add(new Sent(Integer.MIN_VALUE, link.remote(), link, bytes.clone()));
    }

    @Override
    public void close(RelayLink link) {
        closed.add(link);
    }

    /** Everything sent since the last call, in order. */
    List<Sent> take() {
        List<Sent> out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    List<RelayLink> closed() {
        return closed;
    }
}
